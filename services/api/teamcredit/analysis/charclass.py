"""Character classes built from a predicate, for classes `re` cannot spell (\\p{Lu}).

`char_ranges` gives code-point ranges (what `scanner` reads), `class_of` the regex `[...]`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

Range = tuple[int, int]


def char_ranges(keep: Callable[[str], bool], blocks: Iterable[tuple[int, int]]) -> list[Range]:
    """Inclusive code-point ranges of the characters in `blocks` that `keep`."""
    ranges: list[Range] = []
    for low, high in blocks:
        for code in range(low, high + 1):
            if not keep(chr(code)):
                continue
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return ranges


def class_of(ranges: Iterable[Range]) -> str:
    """The regex `[...]` matching exactly `ranges`."""
    parts = (
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )
    return "[" + "".join(parts) + "]"


def char_class(keep: Callable[[str], bool], blocks: Iterable[tuple[int, int]]) -> str:
    """`[...]` of the characters in `blocks` (inclusive code-point ranges) that `keep`."""
    return class_of(char_ranges(keep, blocks))


BMP = ((0, 0xFFFF),)
# Upper- and title-case letters: what a name starts with in scripts that have case.
UPPER_CLASS = char_class(lambda char: char.isupper() or char.istitle(), BMP)


def _is_delimiter(char: str) -> bool:
    # Cased symbols (circled letters) are left out: they behave like letters.
    return not char.isalnum() and char != "_" and char.lower() == char == char.upper()


# Characters that may precede a word: a phrase starts only right after one of these (or
# at the start of the text). As a class at the head of a pattern it lets `re` skip every
# other position with a table lookup (`\W` would do the same job three times slower);
# `scanner` reads the same ranges as a table indexed by code point.
DELIMITER_RANGES = char_ranges(
    _is_delimiter,
    (
        (0x00, 0xBF),  # ASCII and Latin-1 punctuation, « » ¿ ¡, NBSP
        (0x2000, 0x2BFF),  # general punctuation (’ “ ” — …), arrows, symbols, dingbats
        (0x3000, 0x303F),  # CJK punctuation
        (0xFE00, 0xFE0F),  # emoji variation selectors
        (0xFF01, 0xFF0F),  # full-width punctuation
        (0x1F000, 0x1FAFF),  # emoji
    ),
)
DELIMITER_CLASS = class_of(DELIMITER_RANGES)
