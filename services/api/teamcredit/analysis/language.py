"""Offline language detection from the lexicons' own `detect` word lists.

Why not a library: posts here are in one of five languages the analyser supports, and the
only decision that matters is which lexicon to run. Counting a few dozen frequent function
words per language in the first few hundred characters costs microseconds, needs no model
file, and keeps the word lists editable next to the lexicons. Japanese is told apart by
its script (kana). See docs/framing.md for the accuracy on the development set.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import chain, repeat

from teamcredit.analysis.charclass import DELIMITER_CLASS
from teamcredit.analysis.lexicon import get_lexicon, supported_languages
from teamcredit.analysis.trie_regex import trie_pattern

FALLBACK_LANGUAGE = "en"
# The start of a post is enough to tell its language, and bounds the cost on long posts.
_SAMPLE_CHARS = 200
_MIN_HITS = 2
_KANA = re.compile(r"[\u3040-\u30ff]")


@dataclass(frozen=True, slots=True)
class LanguageChoice:
    """The lexicon to run, the tag to report, and how sure we are (0..1)."""

    lexicon_language: str
    reported: str
    certainty: float


@dataclass(frozen=True, slots=True)
class _Detector:
    pattern: re.Pattern[str]
    languages_of: dict[str, tuple[str, ...]]


@cache
def _detector() -> _Detector:
    languages_of: dict[str, list[str]] = {}
    for language in supported_languages():
        for word in get_lexicon(language).detect_words:
            languages_of.setdefault(word, []).append(language)
    body = trie_pattern(languages_of, atom=lambda c: "['’]" if c == "'" else re.escape(c))
    return _Detector(
        pattern=re.compile(f"{DELIMITER_CLASS}({body})"),
        languages_of={word: tuple(langs) for word, langs in languages_of.items()},
    )


def primary_tag(language: str | None) -> str | None:
    """`"fr-FR"` -> `"fr"`; blank -> None."""
    if language is None:
        return None
    tag = language.strip().replace("_", "-").split("-", 1)[0].lower()
    return tag or None


def detect_language(text: str) -> tuple[str | None, float]:
    """Best supported language for `text` and a certainty in 0..1, or (None, 0)."""
    sample = text[:_SAMPLE_CHARS].lower()
    if _KANA.search(sample):
        return "ja", 1.0
    detector = _detector()
    # findall and Counter loop in C: the words found, then one count per language.
    words = detector.pattern.findall(" " + sample.replace("’", "'"))
    counts = Counter(chain.from_iterable(map(detector.languages_of.get, words, repeat(()))))
    if not counts:
        return None, 0.0
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    best, hits = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if hits < _MIN_HITS or hits == runner_up:
        return None, 0.0
    return best, min(1.0, 0.5 + (hits - runner_up) / (2 * hits))


def choose_language(text: str, language: str | None) -> LanguageChoice:
    """Which lexicon to run on `text`, given the caller's language tag if any."""
    if language is not None:
        given = _given_language(language)
        if given is not None:
            return given
    detected, certainty = detect_language(text)
    if detected is not None:
        return LanguageChoice(detected, detected, certainty)
    return LanguageChoice(FALLBACK_LANGUAGE, FALLBACK_LANGUAGE, 0.5)


@lru_cache(maxsize=256)
def _given_language(language: str) -> LanguageChoice | None:
    """The choice for a caller's tag, which does not depend on the text; None if blank."""
    tag = primary_tag(language)
    if tag is None:
        return None
    if tag in supported_languages():
        return LanguageChoice(tag, tag, 1.0)
    # A language we have no lexicon for: the caller's tag is trusted and reported, and
    # English patterns still catch @mentions, names and the English formulas common in
    # posts everywhere, at half the confidence.
    return LanguageChoice(FALLBACK_LANGUAGE, tag, 0.5)
