"""Framing analysis: is a post framed around its author or around the people they worked with?

One pass of the language's compiled lexicon over the text finds every phrase, longest
first; names come from @mentions, from the caller, and from lists after a thanks formula.
Each hit becomes a signal with its span, so the verdict always shows its evidence.
"""

from __future__ import annotations

from collections.abc import Sequence

from teamcredit.analysis.language import choose_language
from teamcredit.analysis.lexicon import Lexicon, get_lexicon, lower_keeping_offsets
from teamcredit.analysis.mentions import at_mentions, honorific_names, known_mentions, names_after
from teamcredit.analysis.models import (
    SIGNAL_SETTERS,
    SPAN_SETTERS,
    FramingAnalysis,
    FramingSignal,
    Orientation,
    SignalKind,
    TextSpan,
    new_signal,
)
from teamcredit.analysis.quotes import inside, quoted_ranges
from teamcredit.analysis.scoring import (
    MENTION_WEIGHT,
    QUOTE_FACTOR,
    confidence_of,
    orientation_of,
    score_of,
)

_MENTION = SignalKind.MENTION


def analyze_framing(
    text: str, language: str | None = None, mentions: Sequence[str] = ()
) -> FramingAnalysis:
    """Analyse one post. `mentions` are display names the caller knows the post mentions."""
    choice = choose_language(text, language)
    if not text or text.isspace():
        return FramingAnalysis(Orientation.BALANCED, 0.0, 0.0, choice.reported, 0, 0, ())
    lexicon = get_lexicon(choice.lexicon_language)
    # One leading space so that a phrase at the very start also follows a delimiter; every
    # offset into `padded` is one more than the same offset into `text`.
    padded = lower_keeping_offsets(" " + text)
    quotes = quoted_ranges(text)
    found = _Found()
    _scan_lexicon(text, padded, lexicon, quotes, found)
    spans = _mention_spans(text, padded, lexicon, mentions, found)
    if spans:
        for start, end in spans:
            weight = MENTION_WEIGHT * QUOTE_FACTOR if inside(quotes, start, end) else MENTION_WEIGHT
            found.evidence += weight
            found.pull -= weight
            found.signals.append(new_signal(_MENTION, start, end, text[start:end], weight))
        found.signals.sort(key=lambda signal: signal.span.start)
    individual = (found.evidence + found.pull) / 2
    collective = (found.evidence - found.pull) / 2
    score = score_of(individual, collective)
    return FramingAnalysis(
        orientation=orientation_of(score),
        score=round(score, 4),
        confidence=confidence_of(score, found.evidence, choice.certainty),
        language=choice.reported,
        self_references=found.n_self,
        collective_references=found.n_collective,
        signals=tuple(found.signals),
    )


class _Found:
    """What the lexicon scan accumulates."""

    __slots__ = ("evidence", "n_collective", "n_self", "pull", "signals", "thanks_ends")

    def __init__(self) -> None:
        self.signals: list[FramingSignal] = []
        self.evidence = 0.0  # summed weights, both sides
        self.pull = 0.0  # summed signed weights: > 0 leans individual
        self.n_self = 0
        self.n_collective = 0
        self.thanks_ends: list[int] = []


def _scan_lexicon(
    text: str, padded: str, lexicon: Lexicon, quotes: list[tuple[int, int]], found: _Found
) -> None:
    # The analyser's hot loop, run for dozens of hits per post: locals are hoisted and the
    # signal objects are built inline (see models.new_signal for why not via __init__).
    signals = found.signals
    append = signals.append
    get = lexicon.entries.get
    excluded = lexicon.not_when_written
    new, span_type, signal_type = object.__new__, TextSpan, FramingSignal
    set_start, set_end, set_text = SPAN_SETTERS
    set_kind, set_span, set_weight = SIGNAL_SETTERS
    # With word boundaries each match starts on the delimiter before the phrase.
    lead = 1 if lexicon.word_boundaries else 0
    evidence = pull_sum = 0.0
    n_self = n_collective = 0
    for match in lexicon.pattern.finditer(padded):
        start, end = match.span()
        start += lead
        entry = get(padded[start:end]) or lexicon.lookup(padded[start:end])
        if entry is None or entry[0] is None:
            continue
        kind, weight, pull, counts_self, counts_collective, is_thanks = entry
        start -= 1
        end -= 1
        phrase = text[start:end]
        if excluded and phrase in excluded:
            continue
        if quotes and inside(quotes, start, end):
            pull *= QUOTE_FACTOR
            weight *= QUOTE_FACTOR
        evidence += weight
        pull_sum += pull
        n_self += counts_self
        n_collective += counts_collective
        if is_thanks:
            found.thanks_ends.append(end)
        span = new(span_type)
        set_start(span, start)
        set_end(span, end)
        set_text(span, phrase)
        signal = new(signal_type)
        set_kind(signal, kind)
        set_span(signal, span)
        set_weight(signal, weight)
        append(signal)
    found.evidence = evidence
    found.pull = pull_sum
    found.n_self = n_self
    found.n_collective = n_collective


def _mention_spans(
    text: str, padded: str, lexicon: Lexicon, mentions: Sequence[str], found: _Found
) -> list[tuple[int, int]]:
    candidates = at_mentions(text)
    if mentions:
        candidates += [(s - 1, e - 1) for s, e in known_mentions(padded, mentions)]
    for end in found.thanks_ends:
        candidates += names_after(text, end, lexicon.name_joiners)
    if lexicon.honorifics:
        taken = [(signal.span.start, signal.span.end) for signal in found.signals]
        candidates += [
            span
            for span in honorific_names(text, lexicon.honorifics)
            if not any(span[0] < high and low < span[1] for low, high in taken)
        ]
    if len(candidates) < 2:
        return candidates
    kept: list[tuple[int, int]] = []
    for start, end in candidates:
        if not any(start < high and low < end for low, high in kept):
            kept.append((start, end))
    return kept
