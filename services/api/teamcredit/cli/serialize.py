"""`teamcredit analyze --json`: analysis results as GraphQL-shaped dicts (camelCase field
names, enum values as strings), so a JSONL line reads like the API's ``PostAnalysis``."""

from __future__ import annotations

from typing import Any

from teamcredit.analysis.credit import CreditSuggestion
from teamcredit.analysis.models import FramingAnalysis, FramingSignal, TextSpan
from teamcredit.models import Person
from teamcredit.services.analysis import PostAnalysisResult
from teamcredit.services.serialize import context_to_dict


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
