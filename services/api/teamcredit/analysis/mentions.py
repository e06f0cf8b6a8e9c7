"""Find the people a post names: @mentions, names the caller knows, names right after thanks.

Everything returns (start, end) code-point offsets into the original text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Final

from mypy_extensions import i64

from teamcredit.analysis.charclass import UPPER_CLASS
from teamcredit.analysis.lexicon import lower, normalize_phrase
from teamcredit.analysis.scanner import whitespace

_NAME_WORD = rf"{UPPER_CLASS}[\w'’-]*"
# Starts with the literal "@" so `re` can jump from one "@" to the next; the lookbehind
# then rejects e-mail addresses and "@@".
_AT_MENTION: Final = re.compile(
    rf"@(?<![\w@]@)[^\W\d_][\w'’-]*(?:\.[\w'’-]+)*(?:[ \u00a0]{_NAME_WORD}){{0,2}}"
)
# Titles before a name are part of it: "merci à M. Rottier", "danke ich Prof. Dr. Frank Weber"
# (without it the full stop ended the name at "M" or "Dr").
_TITLE = r"(?:(?:Dr|Dra|Mr|Mrs|Ms|Mx|Prof|Pr|M|Mme|Mlle|Sr|Sra|Srta)\.[ \u00a0]+){0,2}"
# A comma may stand between the thanks and the name ("Danke, Holger", "Thanks, Sarah").
_NAME_AHEAD: Final = re.compile(
    rf"[ \t\u00a0]*(?:,[ \t\u00a0]*)?(@?)({_TITLE}{_NAME_WORD}(?:[ \u00a0]{_NAME_WORD}){{0,2}})"
)
_WORD_CHAR: Final = re.compile(r"\w")
# A list of thanked people rarely runs longer; the cap bounds the work on odd input.
_MAX_LISTED: Final = 12
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
    if not _may_start_name(text, position):
        return []
    found = _NAME_AHEAD.match(text, position)
    if found is None:
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


def _may_start_name(text: str, position: int) -> bool:
    """Whether `_NAME_AHEAD` may match at `position`: after spaces or commas, "@" or a
    capital.

    Most thanks name no one ("thanks to the team", "merci pour"), and `re` rejects them
    only after testing the first letter against the hundreds of ranges of UPPER_CLASS; this
    look at one character rejects them first. It never accepts what the regex would not
    try: the regex still decides.
    """
    size = len(text)
    while position < size:
        code = ord(text[position])
        if code == 0x40:  # "@"
            return True
        if code < 0x80:
            if code != 0x20 and code != 0x09 and code != 0x2C:
                return 0x41 <= code <= 0x5A  # A-Z: the ASCII part of UPPER_CLASS
        elif code != 0xA0:
            char = text[position]
            return char.isupper() or char.istitle()  # UPPER_CLASS's own test
        position += 1
    return False


# A name before a verb of work has at most this many words ("Carla Rossi", "Anne-Marie de").
_MAX_NAME_WORDS: Final = 3


def _name_start(text: str, end: int) -> int:
    """Start of the word that ends at `end` (letters, digits, apostrophes, hyphens)."""
    start = end
    while start > 0:
        char = text[start - 1]
        if not (char.isalnum() or char in "'’-_"):
            break
        start -= 1
    return start


def names_before(
    text: str, starts: list[int], possessives: tuple[str, ...], common: frozenset[str]
) -> list[tuple[int, int]]:
    """Capitalised names right before the given offsets of verbs of work ("Léa designed",
    "Omar's team ran"); the caller finds the verbs with the lexicon's scanner, so this only
    walks back over the few characters before each one.

    `common` holds lower-cased words that are not names even when capitalised at the start
    of a sentence ("The", "We", "This"): leading ones are dropped from the name.
    """
    spans: list[tuple[int, int]] = []
    for verb_start in starts:
        end = verb_start
        if end == 0 or text[end - 1] not in " \u00a0":
            continue
        end -= 1
        for owned in possessives:
            if lower(text[max(0, end - len(owned)) : end]) == owned:
                end -= len(owned)
                break
        words: list[tuple[int, int]] = []
        while len(words) < _MAX_NAME_WORDS and end > 0:
            start = _name_start(text, end)
            if start == end or not text[start].isupper():
                break
            words.append((start, end))
            if start == 0 or text[start - 1] not in " \u00a0":
                break
            end = start - 1
        if not words:
            continue
        first = words[-1][0]
        if first > 0 and (text[first - 1].isalnum() or text[first - 1] in "@_"):
            continue  # inside a longer token, or an @-mention found elsewhere
        # "As I designed", "Friday we built": a pronoun or common word right before the verb
        # is its subject, and no name is credited.
        if normalize_phrase(text[words[0][0] : words[0][1]]) in common:
            continue
        # "Then Carla Rossi wrote": leading capitalised common words are not the name.
        while words and normalize_phrase(text[words[-1][0] : words[-1][1]]) in common:
            words.pop()
        if words:
            spans.append((words[-1][0], words[0][1]))
    return spans


# Code points as i64, not int: compiled, an int comparison checks for a boxed int first.
def _is_space(spaces: bytes, code: i64) -> bool:
    """`chr(code).isspace()` from the scanner's table: emoji would otherwise cost a call
    each."""
    if code >= len(spaces):
        return False
    flag: i64 = spaces[code]
    return flag == 1


def _ends_sentence(code: i64) -> bool:
    return code == 0x2E or code == 0x21 or code == 0x3F  # . ! ?


def _lists(code: i64) -> bool:
    return code == 0x2C or code == 0x3B or code == 0x3A  # , ; :


def _trails_name(code: i64) -> bool:
    """What may follow a name without being part of it ("Léa," "Omar)." "«Inès»")."""
    if code < 0x80:
        return (
            _ends_sentence(code)
            or _lists(code)
            or code == 0x29  # )
            or code == 0x5D  # ]
            or code == 0x7D  # }
            or code == 0x22  # "
            or code == 0x27  # '
        )
    return code == 0xBB or code == 0x201D or code == 0x2019 or code == 0x2026  # » ” ’ …


def _is_apostrophe(code: i64) -> bool:
    return code == 0x27 or code == 0x2019


def _is_lower_letter(text: str, index: i64, code: i64) -> bool:
    if code < 0x80:
        return 0x61 <= code <= 0x7A
    return text[index].islower()


# Code points, not slices, str methods or sets of one-letter strings: the checks below
# run for every capitalised word of every post, and compiled, `ord(text[i])` reads the
# string's buffer while a method call costs a hundred instructions.
def _name_word_end(text: str, start: i64, end: i64) -> i64:
    """End of the name word at text[start:end] (a whitespace-delimited token starting with a
    capital) once trailing punctuation and a possessive are cut, or -1 if the token is not
    one: a capital, then lower-case letters ("Léa", "Jean-Paul"), not "I", "NASA", "I'm"."""
    stop: i64 = end
    while stop > start and _trails_name(ord(text[stop - 1])):
        stop -= 1
    if stop - start < 2:
        return -1  # "I", "A."
    position: i64 = start + 1
    part_start: i64 = start  # where the current part of a hyphenated name began
    while position < stop:
        code: i64 = ord(text[position])
        if _is_apostrophe(code):
            stop = position  # "Inès's", "Léa’s"
            break
        if code == 0x2D and position - part_start >= 2 and position + 1 < stop:
            following = position + 1  # "Jean-Paul": a capital after the hyphen
            if not text[following].isupper():
                return -1
            part_start = following
            position = following + 1
            continue
        if not _is_lower_letter(text, position, code):
            return -1  # "NASA", "iPhone" seen from its capital, "R2", "Léa,Inès"
        position += 1
    if stop - part_start < 2:
        return -1
    return stop


# Read once: compiled, each call of the cached `whitespace()` goes through functools.
_WHITESPACE: Final = whitespace()


def proper_names(text: str, capitals: list[int], taken: list[int], capitalised_nouns: bool) -> int:
    """How many distinct capitalised names stand inside sentences: two capitalised words in
    a row not opening a sentence ("with Carla Rossi"), and, where nouns are not all
    capitalised (not German), one after a lower-case word or a comma ("merci à Léa").

    `capitals` are the offsets of the capitalised word starts, which the lexicon's scan
    collects on its way (`PhraseScanner.scan`): a regex with lookbehinds cost 40-65 µs a
    post. `taken` are the (start, end) pairs, flat, of the names already found as
    mentions: they are counted there. Real posts that credit others name them everywhere,
    not only after a thanks formula (a farewell listing what Kenia, Juan Pablo and Olga
    brought); the count also takes in companies and places, so the model weighs it and no
    span is shown.
    """
    pairs: set[str] = set()
    singles: set[str] = set()
    in_pairs: set[str] = set()
    size: i64 = len(text)
    spaces = _WHITESPACE
    pending = ""  # a whole name word a second one may follow ("Carla" before "Rossi")
    pending_last: i64 = -2  # the offset of its last character
    for capital in capitals:
        start: i64 = capital
        if start == 0 or not _is_space(spaces, ord(text[start - 1])):
            continue  # the first word of the text; "#Málaga", "(Léa": not a plain word
        previous: i64 = start - 1
        while previous >= 0 and _is_space(spaces, ord(text[previous])):
            previous -= 1
        if previous < 0:
            continue
        before: i64 = ord(text[previous])
        if _ends_sentence(before):
            continue  # opens a sentence: neither a name on its own nor the end of one
        end: i64 = start + 1
        while end < size and not _is_space(spaces, ord(text[end])):
            end += 1
        stop = _name_word_end(text, start, end)
        if stop < 0 or _inside(taken, start):
            continue
        word = text[start:stop]
        if pending and previous == pending_last:
            pairs.add(pending + " " + word)
            in_pairs.add(pending)
            in_pairs.add(word)
        if not capitalised_nouns and (_lists(before) or _is_lower_letter(text, previous, before)):
            singles.add(word)
        pending = word if stop == end else ""
        pending_last = end - 1
    # "Carla Rossi" is one name, not three. Most posts pair no names: compiled, the set
    # difference is a call through Python that builds a set, about 1,000 instructions.
    return len(pairs) + (len(singles - in_pairs) if in_pairs else len(singles))


def _inside(spans: list[int], offset: int) -> bool:
    # A loop, not any(): compiled, a generator is an allocation per call.
    for index in range(0, len(spans), 2):  # noqa: SIM110
        if spans[index] <= offset < spans[index + 1]:
            return True
    return False


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


# An honorific follows a name of this many kanji or katakana.
_MIN_NAME: Final = 2  # one-character "names" are mostly 皆さん, お客様 and the like
_MAX_NAME: Final = 6


@cache
def _honorific_pattern(honorifics: tuple[str, ...]) -> re.Pattern[str]:
    suffixes = "|".join(re.escape(word) for word in honorifics)
    return re.compile(rf"{_KANJI_OR_KATAKANA}{{{_MIN_NAME},{_MAX_NAME}}}(?:{suffixes})")


@cache
def _honorific_start(honorifics: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(re.escape(word) for word in honorifics))


def names_a_role(
    text: str, span: tuple[int, int], honorifics: tuple[str, ...], roles: tuple[str, ...]
) -> bool:
    """Whether an honorific follows a role or a set phrase rather than a name: 患者さん,
    編集者さん, 施主様, or a word with the polite prefix お/ご (ご苦労様, お取引先様)."""
    start, end = span
    if start > 0 and text[start - 1] in "おご御":
        return True
    name = text[start:end]
    for honorific in honorifics:
        if name.endswith(honorific):
            return name[: len(name) - len(honorific)].endswith(roles)
    return False


def _is_kanji_or_katakana(text: str, index: i64) -> bool:
    """Whether text[index] is in `_KANJI_OR_KATAKANA` (False past the end)."""
    if index >= len(text):
        return False
    code: i64 = ord(text[index])
    return 0x4E00 <= code <= 0x9FFF or 0x30A0 <= code <= 0x30FF


def honorific_names(text: str, honorifics: tuple[str, ...]) -> list[tuple[int, int]]:
    """Names followed by an honorific (田中さん), for languages whose lexicon lists some."""
    # Most posts hold none of the few honorifics, which substring tests find at C speed.
    if not any(honorific in text for honorific in honorifics):
        return []
    # The matches `finditer` would give, found faster: it tried the pattern at every kanji
    # and katakana (30 µs for a Japanese post). A match starts 2-6 characters before an
    # honorific, so only those starts are tried, in order, from where the last match ended.
    pattern = _honorific_pattern(honorifics)
    starts = _honorific_start(honorifics)
    spans: list[tuple[int, int]] = []
    position = 0
    while True:
        honorific = starts.search(text, position + _MIN_NAME)
        if honorific is None:
            return spans
        last_start = honorific.start() - _MIN_NAME
        matched = False
        for start in range(max(position, last_start + _MIN_NAME - _MAX_NAME), last_start + 1):
            # A match opens with two kanji or katakana: where it cannot, `re` is not asked
            # (each attempt cost about 1,000 instructions, and most starts are kana).
            if not (_is_kanji_or_katakana(text, start) and _is_kanji_or_katakana(text, start + 1)):
                continue
            found = pattern.match(text, start)
            if found is not None:
                spans.append(found.span())
                position = found.end()
                matched = True
                break
        if not matched:
            position = last_start + 1  # no match starts at or before last_start
