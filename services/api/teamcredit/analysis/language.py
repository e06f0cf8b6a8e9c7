"""Offline language detection from the lexicons' own `detect` word lists.

Why not a library: posts here are in one of five languages the analyser supports, and the
only decision that matters is which lexicon to run. Counting a few dozen frequent function
words per language in the first few hundred characters costs microseconds, needs no model
file, and keeps the word lists editable next to the lexicons. Japanese is told apart by
its script (kana). See docs/framing.md for the accuracy on the development set.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Final

from teamcredit.analysis.lexicon import get_lexicon, lower, supported_languages
from teamcredit.analysis.scanner import PhraseScanner

FALLBACK_LANGUAGE = "en"
# The start of a post is enough to tell its language, and bounds the cost on long posts.
_SAMPLE_CHARS: Final = 200
# Undecided on the start (a dateline, names, a hashtag line), a longer sample usually tells.
_LONG_SAMPLE_CHARS: Final = 800
_MIN_HITS: Final = 2


@dataclass(frozen=True, slots=True)
class LanguageChoice:
    """The lexicon to run, the tag to report, and how sure we are (0..1)."""

    lexicon_language: str
    reported: str
    certainty: float


@dataclass(frozen=True, slots=True)
class _Detector:
    scanner: PhraseScanner
    # By word index in the scanner: the languages that list the word.
    languages: list[tuple[str, ...]]


@cache
def _detector() -> _Detector:
    languages_of: dict[str, list[str]] = {}
    for language in supported_languages():
        for word in get_lexicon(language).detect_words:
            languages_of.setdefault(word, []).append(language)
    return _Detector(
        scanner=PhraseScanner(list(languages_of)),
        languages=[tuple(languages) for languages in languages_of.values()],
    )


def primary_tag(language: str | None) -> str | None:
    """`"fr-FR"` -> `"fr"`; blank -> None."""
    if language is None:
        return None
    tag = lower(language.strip().replace("_", "-").split("-", 1)[0])
    return tag or None


def detect_language(text: str) -> tuple[str | None, float]:
    """Best supported language for `text` and a certainty in 0..1, or (None, 0)."""
    found, certainty = _detect_in(text[:_SAMPLE_CHARS])
    if found is None and len(text) > _SAMPLE_CHARS:
        return _detect_in(text[:_LONG_SAMPLE_CHARS])
    return found, certainty


def _detect_in(sample: str) -> tuple[str | None, float]:
    if _has_kana(sample):
        return "ja", 1.0
    detector = _detector()
    counts: dict[str, int] = {}
    words = detector.scanner.scan(sample)
    for third in range(2, len(words), 3):
        for found in detector.languages[words[third]]:
            counts[found] = counts.get(found, 0) + 1
    best, hits, runner_up = "", 0, 0
    for candidate, count in counts.items():
        if count > hits:
            best, hits, runner_up = candidate, count, hits
        elif count > runner_up:
            runner_up = count
    if hits < _MIN_HITS or hits == runner_up:
        return None, 0.0
    return best, min(1.0, 0.5 + (hits - runner_up) / (2 * hits))


def _has_kana(sample: str) -> bool:
    # Hiragana and katakana. Compiled (setup.py), this loop costs half a regex search.
    return any(0x3040 <= ord(sample[index]) <= 0x30FF for index in range(len(sample)))


def choose_language(text: str, language: str | None) -> LanguageChoice:
    """Which lexicon to run on `text`, given the caller's language tag if any."""
    if language is not None:
        given = _given_language(language)
        if given is not None:
            return given
    detected, certainty = detect_language(text)
    if detected is not None:
        return _detected_language(detected, certainty)
    return _detected_language(FALLBACK_LANGUAGE, 0.5)


@lru_cache(maxsize=256)
def _detected_language(language: str, certainty: float) -> LanguageChoice:
    # Few (language, certainty) pairs occur, and a frozen dataclass costs more to build
    # than this lookup (its __init__ runs as Python, not compiled): a choice is immutable,
    # so posts share one.
    return LanguageChoice(language, language, certainty)


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
