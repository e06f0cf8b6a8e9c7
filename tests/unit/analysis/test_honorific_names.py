"""Names before an honorific (田中さん): the scan that tries only the starts 2-6 characters
before an honorific finds exactly what the pattern's `finditer` finds."""

from __future__ import annotations

import random

import pytest

from teamcredit.analysis.framing import analyze_framing
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
    # Kana, Latin and emoji before an honorific are the starts skipped without asking `re`.
    pieces = [*HONORIFICS, "田", "中", "ア", "カ", "ー", "の", "、", " ", "a", "🚀", "先", "様様"]
    rng = random.Random(5)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        assert honorific_names(text, HONORIFICS) == reference(text), text


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # Taught by the corpus' train split: an honorific after a role or a set phrase names
        # no one ("一年間本当にご苦労様でした", "偏に患者さん、またそのご家族様からの感謝の言葉",
        # "素晴らしい協力業者さんの支え"; "院長先生を筆頭に" is a batch-7 post).
        ("一年間本当にご苦労様でした。", []),
        ("偏に患者さん、またそのご家族様からの感謝の言葉。", []),
        ("素晴らしい協力業者さんの支えに感謝。編集者さんにも。", []),
        ("院長先生を筆頭にスタッフ一同で頑張りました。", []),
        ("お取引先様、施主様に感謝。", []),
        # A family name that ends like a role word stays a name ("我らが清家さん").
        ("我らが清家さんと田中さんに助けられました。", ["清家さん", "田中さん"]),
    ],
)
def test_an_honorific_after_a_role_names_no_one(text: str, names: list[str]) -> None:
    mentions = [s.span.text for s in analyze_framing(text, "ja").signals if s.kind == "MENTION"]
    assert mentions == names
