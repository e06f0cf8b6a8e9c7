from __future__ import annotations

import pytest

from teamcredit.analysis.baseline import naive_pronoun_ratio
from teamcredit.analysis.language import detect_language, primary_tag
from teamcredit.analysis.lexicon import (
    expand_alternatives,
    get_lexicon,
    parse_lexicon,
    supported_languages,
)
from teamcredit.analysis.models import Orientation, SignalKind


def test_supported_languages() -> None:
    assert supported_languages() == ("de", "en", "es", "fr", "ja")


@pytest.mark.parametrize("language", ["de", "en", "es", "fr", "ja"])
def test_every_lexicon_loads_with_every_kind_but_mention(language: str) -> None:
    lexicon = get_lexicon(language)
    kinds = {entry.kind for entry in lexicon.entries.values()} - {None}
    assert kinds == set(SignalKind) - {SignalKind.MENTION}
    assert all(entry.weight > 0 for entry in lexicon.entries.values() if entry.kind)


def test_unknown_language_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        get_lexicon("xx")


def test_alternatives_expand() -> None:
    assert expand_alternatives("I {led|built}") == ["I led", "I built"]
    assert expand_alternatives("ravi{|e} de {a|b}") == [
        "ravi de a",
        "ravi de b",
        "ravie de a",
        "ravie de b",
    ]


def test_duplicate_phrase_is_refused() -> None:
    data = {
        "language": "xx",
        "group": [
            {"kind": "SELF_REFERENCE", "weight": 1, "phrases": ["me"]},
            {"kind": "GRATITUDE", "weight": 1, "phrases": ["ME"]},
        ],
    }
    with pytest.raises(ValueError, match="listed twice"):
        parse_lexicon(data)


def test_typographic_variants_of_a_phrase_are_the_same_phrase() -> None:
    # The scanner matches ' ’ ʼ ‘ alike and - ‐ ‑ alike, so the keys fold them too.
    twins = {
        "language": "xx",
        "group": [{"kind": "SELF_REFERENCE", "weight": 1, "phrases": ["on-call", "on‑call"]}],
    }
    with pytest.raises(ValueError, match="listed twice"):
        parse_lexicon(twins)
    lexicon = parse_lexicon(
        {
            "language": "xx",
            "not_when_written": ["ON‐CALL"],
            "group": [{"kind": "SELF_REFERENCE", "weight": 1, "phrases": ["on‐call"]}],
        }
    )
    assert list(lexicon.entries) == ["on-call"]
    assert lexicon.label_spelling_matters == [True]


def test_non_positive_weight_is_refused() -> None:
    data = {"language": "xx", "group": [{"kind": "GRATITUDE", "weight": 0, "phrases": ["x"]}]}
    with pytest.raises(ValueError, match="positive"):
        parse_lexicon(data)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Proud of what the team built this year, and of the way we did it.", "en"),
        ("Je suis fière de l'équipe et de ce que nous avons construit cette année.", "fr"),
        ("Estoy orgulloso del equipo y de lo que construimos este año.", "es"),
        ("Ich bin stolz auf das Team und auf das, was wir aufgebaut haben.", "de"),
        ("チームのみんなに感謝します。", "ja"),
    ],
)
def test_language_detection(text: str, language: str) -> None:
    assert detect_language(text)[0] == language


def test_detection_gives_up_on_too_little() -> None:
    assert detect_language("🚀🚀") == (None, 0.0)
    assert detect_language("Atlas") == (None, 0.0)


def test_primary_tag() -> None:
    assert primary_tag("fr-FR") == "fr"
    assert primary_tag("pt_BR") == "pt"
    assert primary_tag(" ") is None
    assert primary_tag(None) is None


def test_baseline_counts_pronouns_only() -> None:
    assert naive_pronoun_ratio("I did it, my way, by me.", "en") is Orientation.INDIVIDUAL
    assert naive_pronoun_ratio("We did it our way.", "en") is Orientation.COLLECTIVE
    assert naive_pronoun_ratio("I and we.", "en") is Orientation.BALANCED
    assert naive_pronoun_ratio("Thrilled to announce the launch!", "en") is Orientation.BALANCED
    assert naive_pronoun_ratio("私たちのチーム", "ja") is Orientation.COLLECTIVE
    assert naive_pronoun_ratio("Nous sommes fiers de notre équipe.", "fr") is Orientation.COLLECTIVE
