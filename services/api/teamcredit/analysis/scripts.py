"""Word boundaries that also fall where the script changes.

Japanese, Chinese and Korean text puts no space between a Latin project name and the
particle after it ("私たちのHikariが", "Hikari가"), so `\\b` never sees a word end there. For
matching names and terms, a word of a spaced script (Latin, Cyrillic, digits...) ends where
the next character is not a word character of a spaced script; a kana, kanji or hangul
character next to it is a boundary. Inside unspaced scripts there are no word boundaries
to find, so a term written in them is matched as a substring.
"""

from __future__ import annotations

import re

# Hangul Jamo, kana, compatibility Jamo, CJK extension A, CJK unified ideographs, Hangul
# syllables, CJK compatibility ideographs, half-width katakana.
UNSPACED_RANGES = (
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f"
)
UNSPACED = f"[{UNSPACED_RANGES}]"
# A word character of a script that separates its words with spaces.
SPACED_WORD = rf"[^\W{UNSPACED_RANGES}]"
_UNSPACED = re.compile(UNSPACED)
_SPACED_WORD = re.compile(SPACED_WORD)


def is_unspaced(char: str) -> bool:
    return _UNSPACED.match(char) is not None


def is_spaced_word(char: str) -> bool:
    return _SPACED_WORD.match(char) is not None


def has_unspaced(text: str) -> bool:
    return _UNSPACED.search(text) is not None


def starts_word(text: str, start: int) -> bool:
    """True when a word can start at `start`: the text starts there, the character before
    is not a word character, or the script changes there."""
    if start <= 0 or start > len(text):
        return True
    first = text[start] if start < len(text) else ""
    before = text[start - 1]
    if first and is_unspaced(first):
        return True
    return not is_spaced_word(before)


def ends_word(text: str, end: int) -> bool:
    """True when a word can end at `end` (the mirror of `starts_word`)."""
    if end <= 0 or end >= len(text):
        return True
    last, after = text[end - 1], text[end]
    if is_unspaced(last):
        return True
    return not is_spaced_word(after)
