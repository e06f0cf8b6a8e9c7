"""Turn record values into domain objects (shared by the repositories)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any, LiteralString, TypeVar

from teamcredit.graph.client import GraphClient, to_python
from teamcredit.models import (
    Contribution,
    Membership,
    Organization,
    Page,
    Person,
    Post,
    Project,
    Team,
    check_first,
    decode_cursor,
    encode_cursor,
)

T = TypeVar("T")


def dt(value: Any) -> datetime | None:
    value = to_python(value)
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, str) and value:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return None


def organization(m: Mapping[str, Any]) -> Organization:
    return Organization(id=m["id"], name=m["name"])


def team(m: Mapping[str, Any]) -> Team:
    return Team(
        id=m["id"],
        name=m["name"],
        description=m.get("description"),
        organization_id=m.get("organizationId"),
    )


def person(m: Mapping[str, Any]) -> Person:
    return Person(
        id=m["id"],
        name=m["name"],
        handle=m.get("handle"),
        headline=m.get("headline"),
        country=m.get("country"),
        locale=m.get("locale"),
        aliases=tuple(m.get("aliases") or ()),
    )


def project(m: Mapping[str, Any]) -> Project:
    return Project(
        id=m["id"],
        name=m["name"],
        aliases=tuple(m.get("aliases") or ()),
        keywords=tuple(m.get("keywords") or ()),
        team_id=m.get("teamId"),
        started_at=dt(m.get("startedAt")),
        ended_at=dt(m.get("endedAt")),
    )


def membership(m: Mapping[str, Any]) -> Membership:
    return Membership(
        person_id=m["personId"], team_id=m["teamId"], role=m.get("role"), since=dt(m.get("since"))
    )


def contribution(m: Mapping[str, Any]) -> Contribution:
    weight = m.get("weight")
    return Contribution(
        person_id=m["personId"],
        project_id=m["projectId"],
        role=m.get("role"),
        weight=1.0 if weight is None else float(weight),
    )


def post(m: Mapping[str, Any]) -> Post:
    score = m.get("framingScore")
    confidence = m.get("framingConfidence")
    mixed = m.get("mixedSignals")
    return Post(
        id=m["id"],
        text=m.get("text") or "",
        author_id=m.get("authorId"),
        urn=m.get("urn"),
        url=m.get("url"),
        language=m.get("language"),
        published_at=dt(m.get("publishedAt")),
        orientation=m.get("orientation"),
        framing_score=None if score is None else float(score),
        text_hash=m.get("textHash"),
        framing_confidence=None if confidence is None else float(confidence),
        mixed_signals=None if mixed is None else bool(mixed),
    )


def post_properties(p: Post) -> dict[str, Any]:
    """A post as the statements that write one take it (``post`` read back): the API's
    upsert and the importer's rows both start from this, so a field is named once."""
    return {
        "id": p.id,
        "authorId": p.author_id,
        "urn": p.urn,
        "url": p.url,
        "text": p.text,
        "textHash": p.text_hash,
        "language": p.language,
        "publishedAt": p.published_at,
        "orientation": p.orientation,
        "framingScore": p.framing_score,
        "framingConfidence": p.framing_confidence,
        "mixedSignals": p.mixed_signals,
    }


# What `teamcredit reframe` writes again of a post (graph/posts.py, set_framing).
FRAMING_PROPERTIES = ("orientation", "framingScore", "framingConfidence", "mixedSignals")


async def paginate(
    client: GraphClient,
    count_query: LiteralString,
    page_query: LiteralString,
    params: Mapping[str, Any],
    first: int,
    after: str | None,
    mapper: Callable[[Mapping[str, Any]], T],
) -> Page[T]:
    """Two statements: the total, then one page ordered by id (``$after`` exclusive)."""
    first = check_first(first)
    key = decode_cursor(after)
    total_rows = await client.read(count_query, params)
    rows = await client.read(page_query, {**params, "after": key, "limit": first + 1})
    items = [mapper(r["n"]) for r in rows[:first]]
    end = encode_cursor(items[-1].id) if items else after  # type: ignore[attr-defined]
    return Page(
        items=items,
        total=int(total_rows[0]["total"]) if total_rows else 0,
        has_next=len(rows) > first,
        end_cursor=end,
    )
