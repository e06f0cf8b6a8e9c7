"""The analysis cache's keys and values: a request's digest, and a result as JSON.

A popular post is read by thousands of colleagues: each reader's extension asks for the same
analysis. The answer depends on the request (text, author, mentions, language, reader
country, UI language: every field of ``PostRequest``) and on the organisation (the
generation, part of the store's key, see services/shared.py). Values are JSON rather than
pickles: whoever can write to Redis must not be able to run code in the API.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

from teamcredit.analysis.credit import CreditBasis, CreditReason, CreditSuggestion
from teamcredit.analysis.models import (
    Contribution,
    FramingAnalysis,
    FramingSignal,
    Orientation,
    SignalKind,
    TextSpan,
)
from teamcredit.models import Person
from teamcredit.services.requests import PostRequest
from teamcredit.services.serialize import context_from_dict, context_to_dict

# Bump when the encoding or the analysis itself changes: old entries are then never read.
_FORMAT = "4"


def request_digest(req: PostRequest) -> str:
    fields = json.dumps(dataclasses.astuple(req), ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(f"{_FORMAT}:{fields}".encode()).hexdigest()


def _person(p: Person | None) -> dict[str, Any] | None:
    return None if p is None else dataclasses.asdict(p)


def _person_of(d: dict[str, Any]) -> Person:
    return Person(**{**d, "aliases": tuple(d.get("aliases") or ())})  # JSON has no tuples


def encode(result: Any) -> bytes:
    """A ``PostAnalysisResult`` (services.analysis) as JSON bytes."""
    f = result.framing
    data = {
        "framing": {
            "orientation": f.orientation.value,
            "score": f.score,
            "confidence": f.confidence,
            "language": f.language,
            "self": f.self_references,
            "collective": f.collective_references,
            "signals": [
                [s.kind.value, s.span.start, s.span.end, s.span.text, s.weight] for s in f.signals
            ],
            "mixed": f.mixed_signals,
            "contributions": [[c.feature, c.value] for c in f.contributions],
        },
        "credit": [
            {
                "personId": i.person_id,
                "reason": i.reason.value,
                "evidence": i.evidence,
                "score": i.score,
                "projectId": i.project_id,
                "teamId": i.team_id,
            }
            for i in result.credit
        ],
        "people": {pid: _person(p) for pid, p in result.people.items()},
        "phrasing": result.suggested_phrasing,
        "culture": context_to_dict(result.culture),
        "author": _person(result.author),
        "projectIds": list(result.project_ids),
        "basis": result.credit_basis.value,
        "alreadyCredited": list(result.already_credited),
        "phrasingLanguage": result.phrasing_language,
        "phrasingNote": result.phrasing_note,
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def decode(raw: bytes) -> Any:
    from teamcredit.services.analysis import PostAnalysisResult

    d = json.loads(raw)
    f = d["framing"]
    framing = FramingAnalysis(
        orientation=Orientation(f["orientation"]),
        score=f["score"],
        confidence=f["confidence"],
        language=f["language"],
        self_references=f["self"],
        collective_references=f["collective"],
        signals=tuple(
            FramingSignal(SignalKind(k), TextSpan(start, end, text), weight)
            for k, start, end, text, weight in f["signals"]
        ),
        mixed_signals=f["mixed"],
        contributions=tuple(Contribution(feature, value) for feature, value in f["contributions"]),
    )
    credit = tuple(
        CreditSuggestion(
            person_id=i["personId"],
            reason=CreditReason(i["reason"]),
            evidence=i["evidence"],
            score=i["score"],
            project_id=i["projectId"],
            team_id=i["teamId"],
        )
        for i in d["credit"]
    )
    author = _person_of(d["author"]) if d["author"] is not None else None
    return PostAnalysisResult(
        framing=framing,
        credit=credit,
        suggested_phrasing=d["phrasing"],
        culture=context_from_dict(d["culture"]),
        author=author,
        degraded=False,
        project_ids=tuple(d["projectIds"]),
        people={pid: _person_of(p) for pid, p in d["people"].items()},
        credit_basis=CreditBasis(d["basis"]),
        already_credited=tuple(d["alreadyCredited"]),
        phrasing_language=d["phrasingLanguage"],
        phrasing_note=d["phrasingNote"],
    )
