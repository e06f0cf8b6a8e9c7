"""Names before an honorific (田中さん): the scan that tries only the starts 2-6 characters
before an honorific finds exactly what the pattern's `finditer` finds."""

from __future__ import annotations

import random

from teamcredit.analysis.lexicon import get_lexicon
from teamcredit.analysis.mentions import _honorific_pattern, honorific_names

HONORIFICS = get_lexicon("ja").honorifics


def reference(text: str) -> list[tuple[int, int]]:
    return [found.span() for found in _honorific_pattern(HONORIFICS).finditer(text)]


def test_names_before_honorifics() -> None:
    text = "田中さん、佐藤様と山田先生に感謝。皆さんありがとう。カトウくん！"
    assert [text[start:end] for start, end in honorific_names(text, HONORIFICS)] == [
        "田中さん",
        "佐藤様",
        "山田先生",
        "カトウくん",
    ]


def test_the_same_matches_as_finditer_on_random_text() -> None:
    # Kanji honorifics (様, 先生) are themselves name characters, and runs longer than six
    # characters or next to each other make the pattern backtrack: pieces that exercise it.
    pieces = [*HONORIFICS, "田", "中", "ア", "カ", "ー", "の", "、", " ", "a", "🚀", "先", "様様"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert honorific_names(text, HONORIFICS) == reference(text), text
