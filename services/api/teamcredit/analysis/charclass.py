"""Build regex character classes from a predicate, for classes `re` cannot spell (\\p{Lu})."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable


def char_class(keep: Callable[[str], bool], blocks: Iterable[tuple[int, int]]) -> str:
    """`[...]` of the characters in `blocks` (inclusive code-point ranges) that `keep`."""
    ranges: list[tuple[int, int]] = []
    for low, high in blocks:
        for code in range(low, high + 1):
            if not keep(chr(code)):
                continue
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    parts = (
        re.escape(chr(low)) if low == high else f"{re.escape(chr(low))}-{re.escape(chr(high))}"
        for low, high in ranges
    )
    return "[" + "".join(parts) + "]"


BMP = ((0, 0xFFFF),)
# Upper- and title-case letters: what a name starts with in scripts that have case.
UPPER_CLASS = char_class(lambda char: char.isupper() or char.istitle(), BMP)


def _is_delimiter(char: str) -> bool:
    # Cased symbols (circled letters) are left out: they behave like letters.
    return not char.isalnum() and char != "_" and char.lower() == char == char.upper()


# Characters that may precede a word. Matching starts only right after one of these (the
# text is padded with a space), which lets `re` skip every other position with a table
# lookup instead of running the matcher. `\W` would do the same job, but testing a
# Unicode category per character is three times slower.
DELIMITER_CLASS = char_class(
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
