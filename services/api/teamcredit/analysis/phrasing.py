"""A ready-to-paste sentence that credits people, in the post's language."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from teamcredit.analysis.language import primary_tag
from teamcredit.analysis.resources import list_names, read_toml

_FALLBACK = "en"
_HANGUL = re.compile("[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff]")
_KANA = re.compile("[\u3040-\u30ff]")


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


@dataclass(frozen=True, slots=True)
class Phrasing:
    """The sentence (None when there is nobody to credit or no template), the language it
    is in, and a note when the post's language has no template."""

    text: str | None
    language: str | None
    note: str | None = None


def phrasing_language(text: str, framing_language: str) -> str:
    """The post's language for phrasing: the framing's, except that Korean and Chinese,
    which the framing lexicons do not detect, are told by their script."""
    tag = primary_tag(framing_language) or _FALLBACK
    if tag != "ja" and _HANGUL.search(text):
        return "ko"
    if tag == _FALLBACK and _HAN.search(text) and not _KANA.search(text):
        return "zh"
    return tag


def phrase_for(text: str, framing_language: str, names: Sequence[str]) -> Phrasing:
    """`suggest_phrasing` in the post's language, never silently in another one."""
    language = phrasing_language(text, framing_language)
    if not [name for name in names if name.strip()]:
        return Phrasing(None, None)
    if language not in phrasing_languages():
        return Phrasing(
            None,
            None,
            f"No phrasing template for the post's language ({language}); "
            f"templates exist for {', '.join(phrasing_languages())}.",
        )
    return Phrasing(suggest_phrasing(language, names), language)
