"""Framing analysis: is a post framed around its author or around the people they worked with?

One pass of the language's lexicon scanner over the text finds every phrase, longest
first; names come from @mentions, from the caller, and from lists after a thanks formula.
Each hit becomes a signal with its span, so the verdict always shows its evidence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from teamcredit.analysis.language import choose_language
from teamcredit.analysis.lexicon import Lexicon, get_lexicon, lower_keeping_offsets
from teamcredit.analysis.mentions import at_mentions, honorific_names, known_mentions, names_after
from teamcredit.analysis.models import (
    FramingAnalysis,
    FramingSignal,
    Orientation,
    SignalKind,
    TextSpan,
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
    lowered = lower_keeping_offsets(text)
    quotes = quoted_ranges(text)
    found = _Found()
    _scan_lexicon(text, lowered, lexicon, quotes, found)
    _add_mentions(text, lowered, lexicon, quotes, mentions, found)
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
    """What the scan accumulates: the signals in text order, and the totals."""

    def __init__(self) -> None:
        self.signals: list[FramingSignal] = []
        self.evidence = 0.0  # summed weights, both sides
        self.pull = 0.0  # summed signed weights: > 0 leans individual
        self.n_self = 0
        self.n_collective = 0
        self.thanks_ends: list[int] = []

    def add_mention(self, start: int, end: int, text: str, weight: float) -> None:
        # After the hits with the same start, where a stable sort by start would put it.
        index = bisect_right(self.signals, start, key=_start_of)
        self.signals.insert(index, FramingSignal(_MENTION, TextSpan(start, end, text), weight))
        self.evidence += weight
        self.pull -= weight

    def overlaps(self, start: int, end: int) -> bool:
        """Whether (start, end) overlaps a lexicon hit; hits never overlap each other."""
        index = bisect_right(self.signals, start, key=_end_of)
        return index < len(self.signals) and self.signals[index].span.start < end


def _start_of(signal: FramingSignal) -> int:
    return signal.span.start


def _end_of(signal: FramingSignal) -> int:
    return signal.span.end


def _scan_lexicon(
    text: str, lowered: str, lexicon: Lexicon, quotes: list[tuple[int, int]], found: _Found
) -> None:
    # The analyser's hot loop, run for dozens of hits per post.
    signals, thanks_ends = found.signals, found.thanks_ends
    phrase_entries, spelling_matters = lexicon.phrase_entries, lexicon.spelling_matters
    # Hits outside the span of all quotes need no closer look.
    quoted_from, quoted_to = (quotes[0][0], quotes[-1][1]) if quotes else (0, 0)
    evidence = pull_sum = 0.0
    n_self = n_collective = 0
    hits = lexicon.scanner.scan(lowered)
    for first in range(0, len(hits), 3):
        start, end, index = hits[first], hits[first + 1], hits[first + 2]
        entry = phrase_entries[index]
        kind = entry.kind
        if kind is None:
            continue
        phrase = text[start:end]
        if spelling_matters[index] and phrase in lexicon.not_when_written:
            continue
        weight, pull = entry.weight, entry.pull
        if quoted_from <= start < quoted_to and inside(quotes, start, end):
            pull *= QUOTE_FACTOR
            weight *= QUOTE_FACTOR
        evidence += weight
        pull_sum += pull
        n_self += entry.counts_self
        n_collective += entry.counts_collective
        if entry.is_thanks:
            thanks_ends.append(end)
        signals.append(FramingSignal(kind, TextSpan(start, end, phrase), weight))
    found.evidence = evidence
    found.pull = pull_sum
    found.n_self = n_self
    found.n_collective = n_collective


def _add_mentions(
    text: str,
    lowered: str,
    lexicon: Lexicon,
    quotes: list[tuple[int, int]],
    mentions: Sequence[str],
    found: _Found,
) -> None:
    candidates = at_mentions(text)
    if mentions:
        candidates += known_mentions(lowered, mentions)
    for end in found.thanks_ends:
        candidates += names_after(text, end, lexicon.name_joiners)
    if lexicon.honorifics:
        candidates += [
            span for span in honorific_names(text, lexicon.honorifics) if not found.overlaps(*span)
        ]
    kept: list[tuple[int, int]] = []
    for start, end in candidates:
        if any(start < high and low < end for low, high in kept):
            continue
        kept.append((start, end))
        in_quotes = bool(quotes) and inside(quotes, start, end)
        weight = MENTION_WEIGHT * QUOTE_FACTOR if in_quotes else MENTION_WEIGHT
        found.add_mention(start, end, text[start:end], weight)
