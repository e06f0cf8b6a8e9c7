from __future__ import annotations

import pytest

from teamcredit.analysis.phrasing import join_names, suggest_phrasing


def test_no_names_no_phrasing() -> None:
    assert suggest_phrasing("en", []) is None
    assert suggest_phrasing("fr", ["  "]) is None


@pytest.mark.parametrize(
    ("language", "names", "joined"),
    [
        ("en", ["Bob"], "Bob"),
        ("en", ["Bob", "Carla"], "Bob and Carla"),
        ("en", ["Bob", "Carla", "Léa"], "Bob, Carla and Léa"),
        ("fr", ["Bob", "Carla", "Léa"], "Bob, Carla et Léa"),
        ("es", ["Bob", "Carla"], "Bob y Carla"),
        ("de", ["Bob", "Carla", "Léa"], "Bob, Carla und Léa"),
        ("ja", ["田中", "佐藤"], "田中さんと佐藤さん"),
    ],
)
def test_names_are_joined_naturally(language: str, names: list[str], joined: str) -> None:
    assert join_names(names, language) == joined


def test_templates_per_language() -> None:
    assert suggest_phrasing("en", ["Bob", "Carla"]) == "Proud of what we built with Bob and Carla."
    assert (
        suggest_phrasing("fr", ["Bob", "Carla"])
        == "Fier de ce que nous avons construit avec Bob et Carla."
    )
    for language in ("es", "de", "ja"):
        phrasing = suggest_phrasing(language, ["Bob"])
        assert phrasing is not None and "Bob" in phrasing


def test_unknown_language_falls_back_to_english_and_duplicates_collapse() -> None:
    assert suggest_phrasing("it-IT", ["Bob", "Bob"]) == "Proud of what we built with Bob."
