"""A ready-to-paste sentence that credits people, in the post's language."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from teamcredit.analysis.language import primary_tag
from teamcredit.analysis.resources import list_names, read_toml

_FALLBACK = "en"


@cache
def _templates(language: str) -> dict[str, Any]:
    return read_toml("phrasing", f"{language}.toml")


def phrasing_languages() -> tuple[str, ...]:
    return list_names("phrasing", suffix=".toml")


def join_names(names: Sequence[str], language: str) -> str:
    """ "Bob", "Bob and Carla", "Bob, Carla and Léa" in the language's own way."""
    rules = _templates(_supported(language))
    written = [str(rules["name_format"]).format(name=name) for name in names]
    if len(written) <= 1:
        return "".join(written)
    return str(rules["separator"]).join(written[:-1]) + str(rules["last_separator"]) + written[-1]


def _supported(language: str | None) -> str:
    tag = primary_tag(language)
    return tag if tag in phrasing_languages() else _FALLBACK


def suggest_phrasing(language: str, names: Sequence[str]) -> str | None:
    """A short sentence crediting `names`, or None when there is nobody to credit."""
    cleaned = [" ".join(name.split()) for name in names]
    cleaned = [name for name in dict.fromkeys(cleaned) if name]
    if not cleaned:
        return None
    supported = _supported(language)
    return str(_templates(supported)["template"]).format(names=join_names(cleaned, supported))
