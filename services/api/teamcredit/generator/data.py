"""The generator's data files (data/generator/), read once into typed values.

Names, words and post templates are data, not code, so they can be reviewed (and checked
against the framing lexicons by the tests) without reading the generator.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from teamcredit.analysis.culture import get_culture
from teamcredit.analysis.models import Orientation
from teamcredit.analysis.resources import list_names, read_toml

_FOLDER = "generator"
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_KNOWN_PLACEHOLDERS = frozenset({"project", "mentions"})


class GeneratorDataError(ValueError):
    """A data file of the generator is inconsistent (a bug in the data, not in the input)."""


@dataclass(frozen=True, slots=True)
class CountrySpec:
    iso2: str
    individualism: int
    weight: float
    locale: str
    names: str
    languages: tuple[tuple[str, float], ...]


@dataclass(frozen=True, slots=True)
class NamePool:
    given: tuple[str, ...]
    family: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Words:
    organizations: tuple[str, ...]
    team_areas: tuple[str, ...]
    team_functions: tuple[str, ...]
    team_descriptions: tuple[str, ...]
    project_adjectives: tuple[str, ...]
    project_nouns: tuple[str, ...]
    lead_role: str
    member_roles: tuple[str, ...]
    project_lead_role: str
    contribution_roles: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Template:
    language: str
    orientation: Orientation
    text: str
    fewest_mentions: int
    most_mentions: int

    @property
    def about_project(self) -> bool:
        return "{project}" in self.text

    def allows(self, mentions: int) -> bool:
        return self.fewest_mentions <= mentions <= self.most_mentions


@dataclass(frozen=True, slots=True)
class Language:
    code: str
    list_separator: str
    list_last: str
    templates: tuple[Template, ...]

    def mention_list(self, names: list[str]) -> str:
        """'@A', '@A and @B', '@A, @B and @C' in this language."""
        tagged = [f"@{name}" for name in names]
        if len(tagged) <= 1:
            return "".join(tagged)
        return self.list_separator.join(tagged[:-1]) + self.list_last + tagged[-1]


@cache
def countries() -> tuple[CountrySpec, ...]:
    specs = []
    for row in read_toml(_FOLDER, "countries.toml")["country"]:
        culture = get_culture(row["iso2"])
        if culture is None or culture.individualism is None:
            raise GeneratorDataError(f"no Hofstede individualism score for {row['iso2']}")
        specs.append(
            CountrySpec(
                iso2=row["iso2"],
                individualism=culture.individualism,
                weight=float(row["weight"]),
                locale=row["locale"],
                names=row["names"],
                languages=tuple((lang, float(w)) for lang, w in row["languages"].items()),
            )
        )
    pools = name_pools()
    for spec in specs:
        if spec.names not in pools:
            raise GeneratorDataError(f"country {spec.iso2}: no name pool {spec.names!r}")
        for lang, _ in spec.languages:
            if lang not in languages():
                raise GeneratorDataError(f"country {spec.iso2}: no templates for {lang!r}")
    return tuple(specs)


@cache
def name_pools() -> dict[str, NamePool]:
    raw: dict[str, Any] = read_toml(_FOLDER, "names.toml")["pool"]
    return {
        key: NamePool(tuple(value["given"]), tuple(value["family"])) for key, value in raw.items()
    }


@cache
def words() -> Words:
    raw = read_toml(_FOLDER, "words.toml")
    return Words(
        organizations=tuple(raw["organizations"]),
        team_areas=tuple(raw["team_areas"]),
        team_functions=tuple(raw["team_functions"]),
        team_descriptions=tuple(raw["team_descriptions"]),
        project_adjectives=tuple(raw["project_adjectives"]),
        project_nouns=tuple(raw["project_nouns"]),
        lead_role=raw["lead_role"],
        member_roles=tuple(raw["member_roles"]),
        project_lead_role=raw["project_lead_role"],
        contribution_roles=tuple(raw["contribution_roles"]),
    )


def _template(language: str, row: dict[str, Any]) -> Template:
    text = str(row["text"])
    unknown = set(_PLACEHOLDER.findall(text)) - _KNOWN_PLACEHOLDERS
    if unknown:
        raise GeneratorDataError(f"{language} template {text[:40]!r}: unknown {sorted(unknown)}")
    fewest, most = row.get("mentions", (0, 0))
    if ("{mentions}" in text) != (most > 0) or not 0 <= fewest <= most:
        raise GeneratorDataError(f"{language} template {text[:40]!r}: bad mentions range")
    return Template(language, Orientation(row["orientation"]), text, int(fewest), int(most))


@cache
def languages() -> dict[str, Language]:
    found = {}
    for code in list_names(_FOLDER, "templates", suffix=".toml"):
        raw = read_toml(_FOLDER, "templates", f"{code}.toml")
        found[code] = Language(
            code=code,
            list_separator=raw["list_separator"],
            list_last=raw["list_last"],
            templates=tuple(_template(code, row) for row in raw["template"]),
        )
    return found
