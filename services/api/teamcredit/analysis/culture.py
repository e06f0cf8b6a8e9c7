"""Hofstede country scores and the cultural reading of a post's framing.

Scores: Hofstede, Hofstede & Minkov (2010), 2015 data release, copied unchanged into
data/culture/hofstede.csv (see SOURCE.md there). Texts: data/culture_notes/<lang>.toml.
The wording always describes how posts tend to read in a culture, never a person.
"""

from __future__ import annotations

import csv
import io
from functools import cache
from typing import Any

from teamcredit.analysis.language import primary_tag
from teamcredit.analysis.models import CulturalContext, Culture, CultureOrientation, Orientation
from teamcredit.analysis.resources import list_names, read_text, read_toml

SOURCES: tuple[str, ...] = (
    "Hofstede, G., Hofstede, G. J. & Minkov, M. (2010). Cultures and Organizations: "
    "Software of the Mind, 3rd ed. McGraw-Hill.",
    "Country scores: 6-dimensions-for-website-2015-08-16.csv, "
    "https://geerthofstede.com/wp-content/uploads/2016/08/6-dimensions-for-website-2015-08-16.csv",
)
_DEFAULT_UI_LANGUAGE = "en"
# Gaps smaller than this are within what the index can tell apart in practice.
_NOTABLE_GAP = 20
_HIGH_POWER_DISTANCE = 70
_WHITE_SAMPLE_ROW = "ZA"


@cache
def _bands() -> dict[str, Any]:
    return read_toml("culture", "bands.toml")


def _band(individualism: int | None) -> CultureOrientation:
    bands = _bands()
    if individualism is None:
        return CultureOrientation.MIXED
    if individualism >= int(bands["individualist_from"]):
        return CultureOrientation.INDIVIDUALIST
    if individualism <= int(bands["collectivist_up_to"]):
        return CultureOrientation.COLLECTIVIST
    return CultureOrientation.MIXED


def _score(value: str) -> int | None:
    value = value.strip()
    return int(value) if value else None


@cache
def _cultures() -> dict[str, Culture]:
    rows = csv.DictReader(io.StringIO(read_text("culture", "hofstede.csv")))
    cultures = {}
    for row in rows:
        individualism = _score(row["idv"])
        code = row["iso2"].strip().upper()
        cultures[code] = Culture(
            country=code,
            name=row["country"].strip(),
            individualism=individualism,
            power_distance=_score(row["pdi"]),
            orientation=_band(individualism),
        )
    return cultures


def get_culture(country: str | None) -> Culture | None:
    """Culture for an ISO 3166-1 alpha-2 code (any case), or None when unknown."""
    if not country:
        return None
    return _cultures().get(country.strip().upper())


def all_cultures() -> tuple[Culture, ...]:
    return tuple(sorted(_cultures().values(), key=lambda culture: culture.country))


@cache
def _texts(ui_language: str) -> dict[str, Any]:
    return read_toml("culture_notes", f"{ui_language}.toml")


@cache
def _country_names(ui_language: str) -> dict[str, str]:
    available = list_names("culture", suffix=".toml")
    if f"names.{ui_language}" not in available:
        return {}
    return {
        key: str(value) for key, value in read_toml("culture", f"names.{ui_language}.toml").items()
    }


def _ui_language(ui_language: str) -> str:
    tag = primary_tag(ui_language) or _DEFAULT_UI_LANGUAGE
    return tag if tag in list_names("culture_notes", suffix=".toml") else _DEFAULT_UI_LANGUAGE


def _sentence(template: str, **values: object) -> str:
    text = template.format(**values)
    return text[:1].upper() + text[1:]


def cultural_context(
    orientation: Orientation,
    author_country: str | None,
    reader_country: str | None,
    ui_language: str = "en",
) -> CulturalContext:
    """How posts framed like this one tend to read for the reader's culture, with sources."""
    language = _ui_language(ui_language)
    texts = _texts(language)
    names = _country_names(language)
    author = get_culture(author_country)
    reader = get_culture(reader_country)

    def name(culture: Culture) -> str:
        return names.get(culture.country, culture.name)

    framing = texts["framing"][orientation.value]
    templates = texts["summary"][orientation.value]
    notes_text = texts["notes"]
    if reader is not None and reader.individualism is not None:
        summary = _sentence(
            templates[reader.orientation.value],
            framing=framing,
            reader=name(reader),
            idv=reader.individualism,
        )
    else:
        summary = _sentence(templates["none"], framing=framing)

    notes: list[str] = []
    if reader_country and reader is None:
        notes.append(_sentence(notes_text["unknown_reader"], code=reader_country.strip()))
    elif not reader_country:
        notes.append(_sentence(notes_text["no_reader"]))
    if author_country and author is None:
        notes.append(_sentence(notes_text["unknown_author"], code=author_country.strip()))
    if (
        author is not None
        and reader is not None
        and author.country != reader.country
        and author.individualism is not None
        and reader.individualism is not None
    ):
        gap = abs(author.individualism - reader.individualism)
        key = "gap" if gap >= _NOTABLE_GAP else "close"
        notes.append(
            _sentence(
                notes_text[key],
                author=name(author),
                reader=name(reader),
                author_idv=author.individualism,
                reader_idv=reader.individualism,
                gap=gap,
            )
        )
    if (
        reader is not None
        and reader.power_distance is not None
        and reader.power_distance >= _HIGH_POWER_DISTANCE
    ):
        notes.append(
            _sentence(notes_text["power_distance"], reader=name(reader), pdi=reader.power_distance)
        )
    if _WHITE_SAMPLE_ROW in {c.country for c in (author, reader) if c is not None}:
        notes.append(_sentence(notes_text["south_africa"]))
    notes.append(_sentence(notes_text["samples"]))
    notes.append(_sentence(notes_text["edition"]))
    return CulturalContext(
        author=author, reader=reader, summary=summary, notes=tuple(notes), sources=SOURCES
    )
