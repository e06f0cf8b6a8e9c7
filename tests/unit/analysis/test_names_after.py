"""Names listed after a thanks formula: the one-character look that skips the regex where
no name can start never changes what the regex finds."""

from __future__ import annotations

import random

import pytest

from teamcredit.analysis.lexicon import get_lexicon
from teamcredit.analysis.mentions import _NAME_AHEAD, _joiner, names_after

JOINERS = get_lexicon("fr").name_joiners


def regex_only(text: str, position: int) -> list[tuple[int, int]]:
    """`names_after` as the regex alone gives it."""
    found = _NAME_AHEAD.match(text, position)
    spans: list[tuple[int, int]] = []
    while found is not None and len(spans) < 12:
        if not found.group(1):
            spans.append(found.span(2))
        following = _joiner(JOINERS).match(text, found.end())
        if following is None:
            break
        found = _NAME_AHEAD.match(text, following.end())
    return spans


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("merci à Léa, Inès et Paul", ["Léa", "Inès", "Paul"]),
        ("merci à \u00a0\tÉlodie", ["Élodie"]),
        ("merci à ǅuro", ["ǅuro"]),  # a title-case letter
        ("merci à @Léa et Omar", ["Omar"]),
        ("merci à l'équipe", []),
        ("merci à 🚀 Léa", []),
        # A title is part of the name (corpus: "Un grand, grand merci à M. Rottier",
        # "Vor allem aber danke ich Dr. Frank Steinheimer"); the full stop ended it before.
        ("merci à M. Rottier et Mme Dupont", ["M. Rottier", "Mme Dupont"]),
        ("merci à Dr. Frank Steinheimer", ["Dr. Frank Steinheimer"]),
        # A comma after the thanks ("Danke, Holger", "Thanks, Sarah and Tom").
        ("merci à, Holger et Tom", ["Holger", "Tom"]),
        ("merci à,, Holger", []),
    ],
)
def test_names_after_a_thanks_formula(text: str, names: list[str]) -> None:
    found = names_after(text, len("merci à"), JOINERS)
    assert [text[start:end] for start, end in found] == names


def test_the_same_names_as_the_regex_alone_on_random_text() -> None:
    pieces = [
        "Léa",
        "léa",
        "Élodie",
        "ǅuro",
        "ΣΑΣ",
        "@Bob",
        "@",
        "İpek",
        "𝐀na",
        "NASA",
        "Dr. ",
        ",",
    ]
    pieces += [" ", "\t", "\u00a0", "\n", ", ", " et ", "&", "🚀", "équipe", "x"]
    rng = random.Random(8)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        for position in range(len(text) + 1):
            assert names_after(text, position, JOINERS) == regex_only(text, position), text
