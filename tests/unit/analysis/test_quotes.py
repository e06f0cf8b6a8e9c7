"""Quoted passages: the scan that tries the pattern only at opening quotes finds exactly
what the pattern's `finditer` finds."""

from __future__ import annotations

import random

from teamcredit.analysis.quotes import _QUOTED, _quoted, quoted_ranges


def reference(text: str) -> list[tuple[int, int]]:
    return [found.span() for found in _QUOTED.finditer(text)]


def test_quotes_of_every_kind_are_found() -> None:
    text = 'He said "ship it", elle a dit « on y va », „gut“, “done” and 「はい」『本』.'
    text += " Most of this post is the author's own words, so the quotes count as quotes."
    assert [text[start:end] for start, end in quoted_ranges(text)] == [
        '"ship it"',
        "« on y va »",
        "„gut“",
        "“done”",
        "「はい」",
        "『本』",
    ]


def test_the_same_quotes_as_finditer_on_random_text() -> None:
    # Unclosed, nested and crossed quotes, line breaks (which end most quotes), long runs
    # (at most 500 characters inside), emoji and text with no quote at all.
    pieces = ['"', "“", "”", "«", "»", "„", "「", "」", "『", "』", "\n", " ", "we", "é", "🚀"]
    rng = random.Random(9)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        if rng.random() < 0.05:
            text = rng.choice(pieces[:10]) + "x" * rng.randint(495, 505) + text
        assert _quoted(text) == reference(text), text
