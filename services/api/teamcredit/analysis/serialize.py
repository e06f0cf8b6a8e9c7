"""Analysis results as GraphQL-shaped dicts (camelCase field names, enum values as strings)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from teamcredit.analysis.models import (
    CulturalContext,
    Culture,
    FramingAnalysis,
    FramingSignal,
    TextSpan,
)


def span_to_dict(span: TextSpan) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def signal_to_dict(signal: FramingSignal) -> dict[str, Any]:
    return {
        "kind": signal.kind.value,
        "span": span_to_dict(signal.span),
        "weight": signal.weight,
    }


def framing_to_dict(framing: FramingAnalysis) -> dict[str, Any]:
    return {
        "orientation": framing.orientation.value,
        "score": framing.score,
        "confidence": framing.confidence,
        "language": framing.language,
        "selfReferences": framing.self_references,
        "collectiveReferences": framing.collective_references,
        "signals": [signal_to_dict(signal) for signal in framing.signals],
    }


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


def context_to_dict(context: CulturalContext) -> dict[str, Any]:
    return {
        "author": culture_to_dict(context.author),
        "reader": culture_to_dict(context.reader),
        "summary": context.summary,
        "notes": list(context.notes),
        "sources": list(context.sources),
    }


def analysis_to_dict(
    framing: FramingAnalysis,
    culture: CulturalContext,
    *,
    credit: Sequence[Mapping[str, Any]] = (),
    suggested_phrasing: str | None = None,
    author: Mapping[str, Any] | None = None,
    degraded: bool = False,
) -> dict[str, Any]:
    """A `PostAnalysis` object. `credit` and `author` are already GraphQL-shaped dicts."""
    return {
        "framing": framing_to_dict(framing),
        "credit": [dict(item) for item in credit],
        "suggestedPhrasing": suggested_phrasing,
        "culture": context_to_dict(culture),
        "author": dict(author) if author is not None else None,
        "degraded": degraded,
    }
