"""Framing analysis: is a post framed around its author or around the people they worked with?

One pass of the language's lexicon scanner over the text finds every phrase, longest
first; names come from @mentions, from the caller, and from lists after a thanks formula.
Each hit becomes a signal with its span, so the verdict always shows its evidence.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

from mypy_extensions import i64

from teamcredit.analysis.features import features_of, word_count
from teamcredit.analysis.language import choose_language, detect_language
from teamcredit.analysis.lexicon import (
    Lexicon,
    get_lexicon,
    lower_keeping_offsets,
    normalize_phrase,
    supported_languages,
)
from teamcredit.analysis.mentions import (
    at_mentions,
    honorific_names,
    known_mentions,
    names_a_role,
    names_after,
    names_before,
    proper_names,
)
from teamcredit.analysis.models import (
    FramingAnalysis,
    FramingSignal,
    Orientation,
    SignalKind,
    TextSpan,
)
from teamcredit.analysis.quotes import inside, quoted_ranges
from teamcredit.analysis.roles import role_models, role_sums
from teamcredit.analysis.scoring import (
    CLASSES,
    FALLBACK_FACTOR,
    MENTION_WEIGHT,
    NAMED_CLAIM_WEIGHT,
    QUOTE_FACTOR,
    get_model,
    rounded,
    verdict_of,
)

_MENTION: Final = SignalKind.MENTION


def warm_up() -> None:
    """Build every lexicon's scanner, the language detector and the model now: together
    they take about a quarter of a second, which the first post analysed would otherwise
    wait for (the API calls this at start-up, and each work-lane worker as it starts)."""
    for language in supported_languages():
        get_lexicon(language)
    detect_language("")
    get_model()


def analyze_framing(
    text: str, language: str | None = None, mentions: Sequence[str] = ()
) -> FramingAnalysis:
    """Analyse one post. `mentions` are display names the caller knows the post mentions."""
    scan = scan_post(text, language, mentions)
    if not text or text.isspace():
        return FramingAnalysis(Orientation.BALANCED, 0.0, 0.0, scan.language, 0, 0, (), True)
    model = get_model(scan.language)
    logits = model.logits(scan.features)
    probabilities = model.probabilities(logits)
    if not scan.signals:
        # Nothing framed ("Notes from the conference. Slides in the comments."): the post
        # leans neither way, as an empty one, whatever its length says to the model.
        balanced = probabilities[CLASSES.index(Orientation.BALANCED)]
        return FramingAnalysis(
            Orientation.BALANCED, 0.0, rounded(balanced, 1000.0), scan.language, 0, 0, (), True
        )
    orientation, score, confidence = verdict_of(logits, probabilities)
    if scan.fallback:
        confidence *= FALLBACK_FACTOR
    return FramingAnalysis(
        orientation=orientation,
        score=rounded(score, 10000.0),
        confidence=rounded(confidence, 1000.0),
        language=scan.language,
        self_references=scan.n_self,
        collective_references=scan.n_collective,
        signals=scan.signals,
        mixed_signals=confidence < model.mixed_signals_below,
        contributions=model.top_contributions(scan.features, orientation),
    )


class PostScan:
    """What the scan found in a post, before any verdict: what the model is fitted on."""

    __slots__ = ("fallback", "features", "language", "n_collective", "n_self", "signals")

    def __init__(
        self,
        language: str,
        fallback: bool,
        signals: tuple[FramingSignal, ...],
        n_self: int,
        n_collective: int,
        features: list[float],
    ) -> None:
        self.language: Final = language
        # No lexicon for the post's language: English patterns ran instead.
        self.fallback: Final = fallback
        self.signals: Final = signals
        self.n_self: Final = n_self
        self.n_collective: Final = n_collective
        self.features: Final = features


def scan_post(text: str, language: str | None = None, mentions: Sequence[str] = ()) -> PostScan:
    choice = choose_language(text, language)
    # A tag we have no lexicon for: English patterns stand in. (Text whose language is not
    # detected, usually a short post, runs the English lexicon as English: no penalty.)
    fallback = choice.lexicon_language != choice.reported
    lexicon = get_lexicon(choice.lexicon_language)
    words = word_count(text, lexicon.word_boundaries)
    if not text or text.isspace():
        no_roles = role_sums([], None)
        return PostScan(choice.reported, fallback, (), 0, 0, features_of((), words, 0, no_roles))
    quotes = quoted_ranges(text)
    found = _Found()
    _scan_lexicon(text, lexicon, quotes, found)
    _add_mentions(text, lexicon, quotes, mentions, found)
    signals = tuple(found.signals)
    roles = role_sums(found.role_hits, role_models().get(choice.lexicon_language))
    return PostScan(
        choice.reported,
        fallback,
        signals,
        found.n_self,
        found.n_collective,
        features_of(
            signals,
            words,
            # Names already counted as MENTION signals are not counted again.
            proper_names(text, found.capitals, found.mention_spans, lexicon.capitalised_nouns),
            roles,
        ),
    )


class _Found:
    """What the scan accumulates: the signals in text order, and the totals."""

    def __init__(self) -> None:
        self.signals: list[FramingSignal] = []
        self.n_self = 0
        self.n_collective = 0
        self.thanks_ends: list[int] = []
        self.verb_starts: list[int] = []  # verbs of work, which credit a name before them
        self.capitals: list[int] = []  # capitalised word starts, where names may begin
        self.mention_spans: list[int] = []  # start, end, start, end... of the MENTIONs
        self.role_hits: list[int] = []  # the role phrases found (roles.py), in text order

    def add_mention(self, start: int, end: int, post: str, weight: float) -> None:
        # After the hits with the same start, where a stable sort by start would put it.
        index = _after(self.signals, start, False)
        span = TextSpan(start, end, post, whole=True)
        self.signals.insert(index, FramingSignal(_MENTION, span, weight))
        self.mention_spans.append(start)
        self.mention_spans.append(end)

    def covers(self, start: int, end: int) -> bool:
        """Whether one lexicon hit spans all of (start, end)."""
        index = _after(self.signals, start, False) - 1
        return index >= 0 and self.signals[index].span.end >= end

    def overlaps(self, start: int, end: int) -> bool:
        """Whether (start, end) overlaps a lexicon hit; hits never overlap each other."""
        index = _after(self.signals, start, True)
        return index < len(self.signals) and self.signals[index].span.start < end


def _common_word(text: str, span: tuple[int, int], lexicon: Lexicon) -> bool:
    # The key `common_words` is listed under, as `names_before` reads it.
    return normalize_phrase(text[span[0] : span[1]]) in lexicon.common_words


def _after(signals: list[FramingSignal], offset: int, by_end: bool) -> int:
    """`bisect_right(signals, offset, key=...)` with the key the span's start, or its end
    (`by_end`): the same halving, so the same index on any list.

    Written out: compiled, `bisect` called the key through Python at every step, about
    9k instructions a post (test_framing_scan.py holds the two to the same answers).
    """
    low: i64 = 0
    high: i64 = len(signals)
    while low < high:
        middle: i64 = (low + high) >> 1  # i64: compiled, `// 2` on an int is a call
        span = signals[middle].span
        if offset < (span.end if by_end else span.start):
            high = middle
        else:
            low = middle + 1
    return low


def _scan_lexicon(
    text: str, lexicon: Lexicon, quotes: list[tuple[int, int]], found: _Found
) -> None:
    # The analyser's hot loop, run for dozens of hits per post.
    signals, thanks_ends, verb_starts = found.signals, found.thanks_ends, found.verb_starts
    label_entries, spelling_matters = lexicon.label_entries, lexicon.label_spelling_matters
    # Hits outside the span of all quotes need no closer look.
    quoted_from, quoted_to = (quotes[0][0], quotes[-1][1]) if quotes else (0, 0)
    n_self = n_collective = 0
    hits = lexicon.scanner.scan(text, found.capitals, found.role_hits)
    for first in range(0, len(hits), 3):
        start, end, label = hits[first], hits[first + 1], hits[first + 2]
        entry = label_entries[label]
        kind = entry.kind
        if kind is None:
            if entry.credits_name:
                verb_starts.append(start)
            continue
        if spelling_matters[label] and text[start:end] in lexicon.not_when_written:
            continue
        weight = entry.weight
        if quoted_from <= start < quoted_to and inside(quotes, start, end):
            weight *= QUOTE_FACTOR
        n_self += entry.counts_self
        n_collective += entry.counts_collective
        if entry.is_thanks:
            thanks_ends.append(end)
        # The span cuts its text from the post only when read (models.TextSpan).
        signals.append(FramingSignal(kind, TextSpan(start, end, text, whole=True), weight))
    found.n_self = n_self
    found.n_collective = n_collective


def _add_mentions(
    text: str,
    lexicon: Lexicon,
    quotes: list[tuple[int, int]],
    mentions: Sequence[str],
    found: _Found,
) -> None:
    candidates = at_mentions(text)
    if mentions:
        candidates += known_mentions(lower_keeping_offsets(text), mentions)
    for end in found.thanks_ends:
        # A capitalised word the lexicon already read is not a name: German capitalises
        # every noun ("Dank an Team und Kollegen"). Nor is a common word alone ("Thanks,
        # Please..."); followed by a name it may name a team ("Team Atlas"). The span's
        # ends are passed one by one: compiled, `covers(*span)` was a call through Python.
        candidates += [
            span
            for span in names_after(text, end, lexicon.name_joiners)
            if not found.covers(span[0], span[1]) and not _common_word(text, span, lexicon)
        ]
    if lexicon.honorifics:
        candidates += [
            span
            for span in honorific_names(text, lexicon.honorifics)
            if not found.overlaps(span[0], span[1])
            and not names_a_role(text, span, lexicon.honorifics, lexicon.honorific_roles)
        ]
    # Names credited with a piece of the work come last: a name already found above keeps
    # its plain weight.
    n_plain = len(candidates)
    if found.verb_starts:
        candidates += names_before(
            text, found.verb_starts, lexicon.possessive_team, lexicon.common_words
        )
    kept: list[tuple[int, int]] = []
    for index, (start, end) in enumerate(candidates):
        if any(start < high and low < end for low, high in kept):
            continue
        kept.append((start, end))
        weight = MENTION_WEIGHT if index < n_plain else NAMED_CLAIM_WEIGHT
        if quotes and inside(quotes, start, end):
            weight *= QUOTE_FACTOR
        found.add_mention(start, end, text, weight)
