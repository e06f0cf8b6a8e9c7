"""The analysis cache's JSON values come back equal to what was analysed, field for field."""

from __future__ import annotations

import dataclasses

from teamcredit.analysis.credit import CreditBasis, CreditReason, CreditSuggestion
from teamcredit.analysis.culture import cultural_context
from teamcredit.analysis.framing import analyze_framing
from teamcredit.models import Person
from teamcredit.services.analysis import PostAnalysisResult
from teamcredit.services.analysis_cache import decode, encode, request_digest
from teamcredit.services.requests import MentionRef, PostRequest


def test_a_result_survives_the_round_trip() -> None:
    framing = analyze_framing("Thrilled to announce I single-handedly shipped Atlas! Thanks Bo.")
    assert framing.signals and framing.contributions  # both shapes are exercised
    bo = Person(id="p-bo", name="Bo Chen", handle="bo-chen", country="FR", aliases=("陈博",))
    result = PostAnalysisResult(
        framing=framing,
        credit=(CreditSuggestion("p-bo", CreditReason.PROJECT_CONTRIBUTOR, "built it", 0.9, "x"),),
        suggested_phrasing="Proud of what we built with Bo Chen.",
        culture=cultural_context(framing.orientation, "US", "JP", "en"),
        author=Person(id="p-ana", name="Ana"),
        degraded=False,
        project_ids=("x",),
        people={"p-bo": bo},
        credit_basis=CreditBasis.MATCHED_PROJECTS,
        already_credited=("p-cy",),
        phrasing_language="en",
        phrasing_note="a note",
    )
    # Every field away from its default, so a field the codec forgets cannot pass unseen.
    for field in dataclasses.fields(PostAnalysisResult):
        default = (
            field.default_factory()  # type: ignore[misc]
            if field.default_factory is not dataclasses.MISSING
            else field.default
        )
        assert getattr(result, field.name) != default, f"give {field.name} a non-default value"
    back = decode(encode(result))
    for field in dataclasses.fields(PostAnalysisResult):
        assert getattr(back, field.name) == getattr(result, field.name), field.name
    # A tuple comes back a tuple (JSON has only lists), so the person stays hashable.
    assert back.people["p-bo"].aliases == ("陈博",) and hash(back.people["p-bo"])


def test_every_request_field_is_in_the_key() -> None:
    base = PostRequest(text="We shipped", author_id="a", reader_country="JP", ui_language="en")
    changes = {
        "text": "We shipped it",
        "author_id": "b",
        "author_handle": "bo",
        "author_name": "Bo",
        "mentions": (MentionRef("Cy"),),
        "urn": "urn:li:activity:1",
        "url": "https://example.com",
        "language": "fr",
        "reader_country": "FR",
        "ui_language": "fr",
    }
    assert set(changes) == {f.name for f in dataclasses.fields(PostRequest)}
    for name, value in changes.items():
        assert request_digest(dataclasses.replace(base, **{name: value})) != request_digest(base)
