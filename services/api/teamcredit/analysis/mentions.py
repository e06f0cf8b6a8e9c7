"""Find the people a post names: @mentions, names the caller knows, names right after thanks.

Everything returns (start, end) code-point offsets into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache

from teamcredit.analysis.charclass import UPPER_CLASS
from teamcredit.analysis.lexicon import lower

_NAME_WORD = rf"{UPPER_CLASS}[\w'’-]*"
# Starts with the literal "@" so `re` can jump from one "@" to the next; the lookbehind
# then rejects e-mail addresses and "@@".
_AT_MENTION = re.compile(
    rf"@(?<![\w@]@)[^\W\d_][\w'’-]*(?:\.[\w'’-]+)*(?:[ \u00a0]{_NAME_WORD}){{0,2}}"
)
_NAME_AHEAD = re.compile(rf"[ \t\u00a0]*(@?)({_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,2}})")
_WORD_CHAR = re.compile(r"\w")
# A list of thanked people rarely runs longer; the cap bounds the work on odd input.
_MAX_LISTED = 12
_KANJI_OR_KATAKANA = r"[\u4e00-\u9fff\u30a0-\u30ff]"


def at_mentions(text: str) -> list[tuple[int, int]]:
    """`@Name` or `@Name Surname` as pasted from LinkedIn, or a handle like `@bob.martin`."""
    if "@" not in text:
        return []
    return [found.span() for found in _AT_MENTION.finditer(text)]


@cache
def _joiner(joiners: tuple[str, ...]) -> re.Pattern[str]:
    words = "|".join(re.escape(word) for word in joiners if word.strip(",、"))
    if not words:
        return re.compile(r"[ \t\u00a0]*[,、][ \t\u00a0]*")
    return re.compile(
        rf"[ \t\u00a0]*(?:[,、][ \t\u00a0]*(?:(?:{words})[ \t\u00a0]+)?|(?:{words})[ \t\u00a0]+)"
    )


def names_after(text: str, position: int, joiners: tuple[str, ...]) -> list[tuple[int, int]]:
    """Capitalised names listed right after a thanks formula ("merci à Léa, Inès et Paul").

    @-prefixed names are skipped here (at_mentions finds them) but do not end the list.
    """
    found = _NAME_AHEAD.match(text, position)
    if found is None:  # the usual case: "thanks to the team", "merci pour"
        return []
    spans: list[tuple[int, int]] = []
    joiner = _joiner(joiners)
    for _ in range(_MAX_LISTED):
        if not found.group(1):
            spans.append(found.span(2))
        following = joiner.match(text, found.end())
        if following is None:
            break
        found = _NAME_AHEAD.match(text, following.end())
        if found is None:
            break
    return spans


@cache
def _claim_pattern(verbs: tuple[str, ...], possessives: tuple[str, ...]) -> re.Pattern[str]:
    verb = "|".join(re.escape(word).replace(r"\ ", r"\s+") for word in verbs)
    owned = "|".join(re.escape(word).replace(r"\ ", r"[ \u00a0]+") for word in possessives)
    team = f"(?:{owned})?" if owned else ""
    return re.compile(
        rf"(?<![\w@])({_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,2}}){team}[ \u00a0]+(?:{verb})(?!\w)"
    )


def names_before_verbs(
    text: str, verbs: tuple[str, ...], possessives: tuple[str, ...], common: frozenset[str]
) -> list[tuple[int, int]]:
    """Capitalised names right before a verb of work ("Léa designed", "Omar's team ran").

    `common` holds lower-cased words that are not names even when capitalised at the start
    of a sentence ("The", "We", "This"): a name whose first word is one of them is skipped.
    """
    if not verbs:
        return []
    spans: list[tuple[int, int]] = []
    for found in _claim_pattern(verbs, possessives).finditer(text):
        start, end = found.span(1)
        # "Then Carla Rossi wrote": leading capitalised common words are not the name.
        for word in found.group(1).split():
            if lower(word) not in common:
                break
            start = text.index(word, start) + len(word) + 1
        if start < end:
            spans.append((start, end))
    return spans


def _is_word_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and _WORD_CHAR.match(text[index]) is not None


def known_mentions(lowered: str, names: Sequence[str]) -> list[tuple[int, int]]:
    """Whole-word occurrences, in the lower-cased text, of names the caller says are there.

    LinkedIn lets authors shorten a mention to the first name, so when the full name is
    absent the first word of it is looked for.
    """
    spans: list[tuple[int, int]] = []
    for name in names:
        needle = lower(" ".join(name.split()))
        if not needle:
            continue
        found = list(whole_word_occurrences(lowered, needle))
        first = needle.split(" ", 1)[0]
        if not found and first != needle and len(first) >= 2:
            found = list(whole_word_occurrences(lowered, first))
        spans.extend(found)
    return spans


def whole_word_occurrences(lowered: str, needle: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each place `needle` stands as a whole word: str.find, not a regex
    compiled per needle."""
    start = lowered.find(needle)
    while start != -1:
        end = start + len(needle)
        if not _is_word_at(lowered, start - 1) and not _is_word_at(lowered, end):
            yield start, end
        start = lowered.find(needle, start + 1)


@cache
def _honorific_pattern(honorifics: tuple[str, ...]) -> re.Pattern[str]:
    suffixes = "|".join(re.escape(word) for word in honorifics)
    # Two characters at least: one-character "names" are mostly 皆さん, お客様 and the like.
    return re.compile(rf"{_KANJI_OR_KATAKANA}{{2,6}}(?:{suffixes})")


def honorific_names(text: str, honorifics: tuple[str, ...]) -> list[tuple[int, int]]:
    """Names followed by an honorific (田中さん), for languages whose lexicon lists some."""
    # The pattern tries a match at every kanji and katakana (20 µs for a Japanese post);
    # most posts hold none of the few honorifics, which substring tests find at C speed.
    if not any(honorific in text for honorific in honorifics):
        return []
    return [found.span() for found in _honorific_pattern(honorifics).finditer(text)]
