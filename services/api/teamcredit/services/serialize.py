"""The JSON shape of analysis values that both the analysis cache (services/analysis_cache.py)
and `teamcredit analyze --json` (cli/serialize.py) write: GraphQL field names (camelCase),
enum values as strings. One home, so the cached culture and the CLI's cannot drift apart."""

from __future__ import annotations

from typing import Any

from teamcredit.analysis.models import CulturalContext, Culture, CultureOrientation


def culture_to_dict(culture: Culture | None) -> dict[str, Any] | None:
    if culture is None:
        return None
    return {
        "country": culture.country,
        "name": culture.name,
        "individualism": culture.individualism,
        "powerDistance": culture.power_distance,
        "orientation": culture.orientation.value,
    }


def culture_from_dict(d: dict[str, Any] | None) -> Culture | None:
    if d is None:
        return None
    return Culture(
        country=d["country"],
        name=d["name"],
        individualism=d["individualism"],
        power_distance=d["powerDistance"],
        orientation=CultureOrientation(d["orientation"]),
    )


def context_to_dict(context: CulturalContext) -> dict[str, Any]:
    return {
        "author": culture_to_dict(context.author),
        "reader": culture_to_dict(context.reader),
        "summary": context.summary,
        "notes": list(context.notes),
        "sources": list(context.sources),
    }


def context_from_dict(d: dict[str, Any]) -> CulturalContext:
    return CulturalContext(
        author=culture_from_dict(d["author"]),
        reader=culture_from_dict(d["reader"]),
        summary=d["summary"],
        notes=tuple(d["notes"]),
        sources=tuple(d["sources"]),
    )
