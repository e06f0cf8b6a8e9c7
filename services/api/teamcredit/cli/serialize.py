"""`teamcredit analyze --json`: analysis results as GraphQL-shaped dicts (camelCase field
names, enum values as strings), so a JSONL line reads like the API's ``PostAnalysis``."""

from __future__ import annotations

from typing import Any

from teamcredit.analysis.credit import CreditSuggestion
from teamcredit.analysis.models import (
    CulturalContext,
    Culture,
    FramingAnalysis,
    FramingSignal,
    TextSpan,
)
from teamcredit.models import Person
from teamcredit.services.analysis import PostAnalysisResult


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
        "mixedSignals": framing.mixed_signals,
        "language": framing.language,
        "selfReferences": framing.self_references,
        "collectiveReferences": framing.collective_references,
        "signals": [signal_to_dict(signal) for signal in framing.signals],
        "contributions": [{"feature": c.feature, "value": c.value} for c in framing.contributions],
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


def person_to_dict(person: Person) -> dict[str, Any]:
    return {"id": person.id, "name": person.name, "handle": person.handle}


def credit_to_dict(suggestion: CreditSuggestion, person: Person) -> dict[str, Any]:
    return {
        "person": person_to_dict(person),
        "team": {"id": suggestion.team_id} if suggestion.team_id else None,
        "project": {"id": suggestion.project_id} if suggestion.project_id else None,
        "reason": suggestion.reason.value,
        "evidence": suggestion.evidence,
        "score": suggestion.score,
    }


def analysis_to_dict(result: PostAnalysisResult) -> dict[str, Any]:
    """A `PostAnalysis` object."""
    return {
        "framing": framing_to_dict(result.framing),
        "credit": [credit_to_dict(c, result.people[c.person_id]) for c in result.credit],
        "suggestedPhrasing": result.suggested_phrasing,
        "creditBasis": result.credit_basis.value,
        "alreadyCredited": [person_to_dict(result.people[pid]) for pid in result.already_credited],
        "phrasingLanguage": result.phrasing_language,
        "phrasingNote": result.phrasing_note,
        "culture": context_to_dict(result.culture),
        "author": person_to_dict(result.author) if result.author is not None else None,
        "degraded": result.degraded,
    }
