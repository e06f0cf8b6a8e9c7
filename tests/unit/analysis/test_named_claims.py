"""Named people as the subject of a piece of the work: the labelling guide's BALANCED case.

"I led the migration; Léa designed the schema and Omar's team ran the cut-over" credits two
people by name without any thanks formula; the pronoun count sees only "I".
"""

from __future__ import annotations

import pytest

from teamcredit.analysis.framing import scan_post
from teamcredit.analysis.scoring import MENTION_WEIGHT, NAMED_CLAIM_WEIGHT


def credited(text: str, language: str = "en") -> list[tuple[str, float]]:
    return [
        (signal.span.text, signal.weight)
        for signal in scan_post(text, language).signals
        if signal.kind.value == "MENTION"
    ]


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        (
            "I led the migration; Léa designed the schema and Omar's team ran the cut-over.",
            "en",
            ["Léa", "Omar"],
        ),
        ("Then Carla Rossi wrote the docs.", "en", ["Carla Rossi"]),
        ("J'ai piloté le projet, Inès a conçu l'interface.", "fr", ["Inès"]),
        ("Yo dirigí el proyecto y Lucía diseñó la arquitectura.", "es", ["Lucía"]),
        ("Ich habe das Projekt geleitet, Jonas entwickelte die App.", "de", ["Jonas"]),
    ],
)
def test_a_name_before_a_verb_of_work_is_credited(
    text: str, language: str, names: list[str]
) -> None:
    assert credited(text, language) == [(name, NAMED_CLAIM_WEIGHT) for name in names]


@pytest.mark.parametrize(
    "text",
    [
        "The team built it.",  # "The" is not a name
        "We did the work. This made sense.",
        "It made everything easier.",
        "@Bob's idea was great.",
        # A pronoun right before the verb is its subject (English misses of batch 2).
        "As I designed it, the rest followed.",
        "Whatever I’d built before did not matter.",
        # Question words and conjunctions (train split, batches 7 and 5: "Why did I do that
        # exam? Why did I", "Nor did I have any professional experience").
        "Why did I do that exam?",
        "Nor did I have any professional experience.",
    ],
)
def test_common_capitalised_words_are_not_names(text: str) -> None:
    assert all(weight != NAMED_CLAIM_WEIGHT for _, weight in credited(text))


def test_a_name_already_thanked_keeps_its_plain_weight() -> None:
    assert credited("Thanks to Léa, who designed it.") == [("Léa", MENTION_WEIGHT)]


def test_quoted_claims_are_someone_else_speaking() -> None:
    text = 'We shipped the new release on Monday. He said: "Léa designed it."'
    assert credited(text) == [("Léa", NAMED_CLAIM_WEIGHT * 0.2)]
