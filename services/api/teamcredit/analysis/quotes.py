"""Find quoted speech, so words someone else said do not decide the author's framing."""

from __future__ import annotations

import re
from typing import Final

_QUOTED: Final = re.compile(
    r'"[^"\n]{1,500}"|“[^”\n]{1,500}”|«[^»\n]{1,500}»|„[^“”\n]{1,500}[“”]|「[^」]{1,500}」'
    r"|『[^』]{1,500}』"
)
# The characters that open a quote in `_QUOTED`, one per alternative.
_OPENERS: Final = ('"', "“", "«", "„", "「", "『")


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) code-point ranges of quoted passages, in order."""
    # Most posts quote nothing, and six substring tests cost less than running the regex
    # (written out: a generator over the openers cost as much as the tests themselves).
    if not (
        '"' in text or "“" in text or "«" in text or "„" in text or "「" in text or "『" in text
    ):
        return []
    ranges = _quoted(text)
    # Mostly quotation: the author's own words as the press reported them (a statement, a
    # post quoted by a newspaper), not someone else's speech inside the author's post.
    if sum(end - start for start, end in ranges) * 2 > len(text.strip()):
        return []
    return ranges


def _quoted(text: str) -> list[tuple[int, int]]:
    """The spans `_QUOTED.finditer(text)` gives, found by trying the pattern only where an
    opening quote stands: each alternative starts with one. `finditer` tested a character
    set at every position of the post, about 50k instructions on a 1,000-character post
    with emoji; str.find jumps from one opener to the next at C speed."""
    openers = [opener for opener in _OPENERS if opener in text]
    ranges: list[tuple[int, int]] = []
    position = 0
    while True:
        start = -1
        for opener in openers:
            found = text.find(opener, position)
            if found >= 0 and (start < 0 or found < start):
                start = found
        if start < 0:
            return ranges
        quoted = _QUOTED.match(text, start)
        if quoted is None:
            position = start + 1
        else:
            ranges.append(quoted.span())
            position = quoted.end()


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(low <= start and end <= high for low, high in ranges)
