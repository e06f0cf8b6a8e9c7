from __future__ import annotations

import pytest

from teamcredit.analysis.culture import all_cultures, cultural_context, get_culture
from teamcredit.analysis.models import CultureOrientation, Orientation


def test_every_row_of_the_source_is_a_culture() -> None:
    cultures = all_cultures()
    assert len(cultures) == 70
    assert [c.country for c in cultures] == sorted(c.country for c in cultures)


@pytest.mark.parametrize(
    ("code", "idv", "band"),
    [
        ("US", 91, CultureOrientation.INDIVIDUALIST),
        ("jp", 46, CultureOrientation.MIXED),
        ("KR", 18, CultureOrientation.COLLECTIVIST),
        (" fr ", 71, CultureOrientation.INDIVIDUALIST),
    ],
)
def test_get_culture_is_case_insensitive(code: str, idv: int, band: CultureOrientation) -> None:
    culture = get_culture(code)
    assert culture is not None
    assert culture.individualism == idv
    assert culture.orientation is band


def test_unknown_country_is_none() -> None:
    assert get_culture("ZZ") is None
    assert get_culture(None) is None
    assert get_culture("") is None


def test_us_author_read_from_japan() -> None:
    context = cultural_context(Orientation.INDIVIDUAL, "US", "JP")
    assert context.author is not None and context.author.country == "US"
    assert context.reader is not None and context.reader.country == "JP"
    assert context.summary.startswith("Posts framed around the author tend to read as")
    assert "Japan (IDV 46)" in context.summary
    assert any("45 points apart" in note for note in context.notes)
    assert any("2010" in source for source in context.sources)
    assert any("never a person" in note for note in context.notes)


def test_french_text() -> None:
    context = cultural_context(Orientation.COLLECTIVE, "FR", "JP", "fr")
    assert context.summary.startswith("Les publications centrées sur l'équipe")
    assert "le Japon (IDV 46)" in context.summary
    assert any("Hofstede" in note for note in context.notes)


def test_other_ui_languages_fall_back_to_english() -> None:
    assert cultural_context(Orientation.BALANCED, None, "DE", "pt").summary.startswith("Posts")


def test_unknown_countries_are_said() -> None:
    context = cultural_context(Orientation.INDIVIDUAL, "XX", "QQ")
    assert context.reader is None and context.author is None
    assert any("QQ" in note for note in context.notes)
    assert any("XX" in note for note in context.notes)


def test_south_africa_row_is_flagged() -> None:
    context = cultural_context(Orientation.BALANCED, None, "ZA")
    assert any("white sample only" in note for note in context.notes)
    assert not any(
        "white" in note for note in cultural_context(Orientation.BALANCED, None, "SE").notes
    )


def test_wording_never_labels_a_person() -> None:
    for orientation in Orientation:
        for language in ("en", "fr"):
            context = cultural_context(orientation, "US", "KR", language)
            text = " ".join((context.summary, *context.notes)).lower()
            assert "you are" not in text and "vous êtes" not in text
            assert "the author is" not in text and "l'auteur est" not in text
