"""Find quoted speech, so words someone else said do not decide the author's framing."""

from __future__ import annotations

import re
from typing import Final

_QUOTED: Final = re.compile(
    r'"[^"\n]{1,500}"|“[^”\n]{1,500}”|«[^»\n]{1,500}»|„[^“”\n]{1,500}[“”]|「[^」]{1,500}」'
    r"|『[^』]{1,500}』"
)


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """(start, end) code-point ranges of quoted passages, in order."""
    # Most posts quote nothing, and six substring tests cost less than running the regex
    # (written out: a generator over the openers cost as much as the tests themselves).
    if not (
        '"' in text or "“" in text or "«" in text or "„" in text or "「" in text or "『" in text
    ):
        return []
    ranges = [found.span() for found in _QUOTED.finditer(text)]
    # Mostly quotation: the author's own words as the press reported them (a statement, a
    # post quoted by a newspaper), not someone else's speech inside the author's post.
    if sum(end - start for start, end in ranges) * 2 > len(text.strip()):
        return []
    return ranges


def inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(low <= start and end <= high for low, high in ranges)
