"""Names anywhere in a post (`mentions.proper_names`), with the capitals the lexicon scan
collects on its way, and the feature the model weighs."""

from __future__ import annotations

from math import expm1

import pytest

from teamcredit.analysis.features import FEATURE_NAMES
from teamcredit.analysis.framing import scan_post
from teamcredit.analysis.mentions import proper_names
from teamcredit.analysis.scanner import PhraseScanner


def names_in(text: str, capitalised_nouns: bool = False) -> int:
    capitals: list[int] = []
    PhraseScanner(["thanks"]).scan(text, capitals)
    return proper_names(text, capitals, [], capitalised_nouns)


def test_the_scan_collects_every_capitalised_word_start() -> None:
    text = "Thanks to Léa and ÉLODIE, not to éric or #Team"
    capitals: list[int] = []
    PhraseScanner(["thanks"]).scan(text, capitals)
    assert [text[start] for start in capitals] == ["T", "L", "É", "T"]
    assert PhraseScanner(["thanks"]).scan(text) == [0, 6, 0]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        # The farewell that taught the rule (es-cd41e731, shortened): thanked by name,
        # without any thanks formula.
        (
            "Echaré de menos la alegría de Kenia, la buena música de Juan Pablo, "
            "las ocurrencias de Olga.",
            3,
        ),
        ("A list after a colon: Nacho, Moya, Carlos.", 3),
        ("We shipped it with Carla Rossi. Carla Rossi led the tests.", 1),
        ("Thanks to Léa’s work and to Omar.", 2),
        ("Thanks to Jean-Paul for the review.", 1),
        # Sentence openers, acronyms, brands in odd case, hashtags: no names.
        ("Today we shipped. Everyone helped. Proud!", 0),
        ("We moved the stack to AWS and built iPhone apps. I did it.", 0),
        ("#Málaga #España", 0),
        ("", 0),
    ],
)
def test_names_inside_sentences(text: str, count: int) -> None:
    assert names_in(text) == count


def test_where_every_noun_is_capitalised_only_two_in_a_row_count() -> None:
    text = "Danke an das Team und an Anna Schmidt für die Arbeit."
    assert names_in(text, capitalised_nouns=True) == 1
    # Read as if nouns were not capitalised: Team, Anna Schmidt and Arbeit.
    assert names_in(text, capitalised_nouns=False) == 3


def test_the_feature_counts_the_names_of_the_post() -> None:
    index = FEATURE_NAMES.index("proper_names")
    text = "Le lancement a eu lieu avec Léa, Inès et Paul Martin."
    assert round(expm1(scan_post(text, "fr").features[index])) == 3
    # Names a thanks formula already made MENTION signals are not counted twice.
    thanked = "Grâce à Léa, Inès et Paul Martin, le lancement a eu lieu."
    assert scan_post(thanked, "fr").features[index] == 0
    assert scan_post("Wir danken dem Team für die Arbeit.", "de").features[index] == 0
