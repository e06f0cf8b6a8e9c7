"""Recognition figures: how posts are framed, and who gets mentioned or credited."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from teamcredit.graph import records
from teamcredit.graph.client import GraphClient
from teamcredit.models import Contribution, RecognitionCounts

# Shared by the three statistics statements: what is counted, once. An orientation counts
# only where the product showed it (mixedSignals false): a mixed-signals verdict is a guess,
# counted apart, and a post stored before the flag was kept (null) is not judged, counted
# apart again (docs/graph-model.md, Framing on posts).
_COUNTS = """
       count(DISTINCT n) AS posts,
       count(DISTINCT CASE WHEN n.mixedSignals = false AND n.orientation = 'INDIVIDUAL'
                           THEN n.id END) AS individual,
       count(DISTINCT CASE WHEN n.mixedSignals = false AND n.orientation = 'BALANCED'
                           THEN n.id END) AS balanced,
       count(DISTINCT CASE WHEN n.mixedSignals = false AND n.orientation = 'COLLECTIVE'
                           THEN n.id END) AS collective,
       count(DISTINCT CASE WHEN n.mixedSignals = true THEN n.id END) AS mixed,
       count(DISTINCT CASE WHEN n.mixedSignals IS NULL THEN n.id END) AS notJudged,
       count(DISTINCT c.id) AS credited
"""
# The people by their key first: "MATCH (a:Person)-[:AUTHORED]->(n:Post) WHERE a.id IN $ids"
# made ArcadeDB scan every person (7.5 ms for 20 people on the 10,000-person graph, 2 ms now).
_PERSON_STATS = (
    """
UNWIND $ids AS key MATCH (a:Person {id: key})
MATCH (a)-[:AUTHORED]->(n:Post)
WHERE $since IS NULL OR coalesce(n.publishedAt, n.createdAt) >= $since
OPTIONAL MATCH (n)-[:MENTIONS|CREDITS]->(c:Person) WHERE c.id <> a.id
RETURN a.id AS key,"""
    + _COUNTS
)
_TEAM_STATS = (
    """
MATCH (t:Team)<-[:MEMBER_OF]-(a:Person)-[:AUTHORED]->(n:Post)
WHERE t.id IN $ids AND ($since IS NULL OR coalesce(n.publishedAt, n.createdAt) >= $since)
OPTIONAL MATCH (n)-[:MENTIONS|CREDITS]->(c:Person) WHERE c.id <> a.id
RETURN t.id AS key,"""
    + _COUNTS
)
_ALL_STATS = (
    """
MATCH (a:Person)-[:AUTHORED]->(n:Post)
WHERE $since IS NULL OR coalesce(n.publishedAt, n.createdAt) >= $since
OPTIONAL MATCH (n)-[:MENTIONS|CREDITS]->(c:Person) WHERE c.id <> a.id
RETURN 'all' AS key,"""
    + _COUNTS
)
# Contributors to a project that posts in scope are about, named in none of those posts
# (not mentioned, not credited, not their author). One statement per scope: for a team, the
# posts are reached from the team; "$teamId IS NULL OR EXISTS {...}" made ArcadeDB walk every
# post (800-900 ms for a team on the 10,000-person graph, 2-5 ms now).
_UNCREDITED_TAIL = """
MATCH (p:Person)-[c:CONTRIBUTED_TO]->(x)
WHERE NOT EXISTS {
  MATCH (q:Post)-[:MENTIONS|CREDITS]->(p) WHERE q.id IN postIds }
  AND NOT EXISTS {
  MATCH (p)-[:AUTHORED]->(q:Post) WHERE q.id IN postIds }
RETURN {personId: p.id, projectId: x.id, role: c.role, weight: c.weight} AS c
ORDER BY x.id, c.weight DESC, p.id
LIMIT $limit
"""
_UNCREDITED_TEAM = (
    """
MATCH (t:Team {id: $teamId})
MATCH (t)<-[:MEMBER_OF]-(:Person)-[:AUTHORED]->(n:Post)
WHERE $since IS NULL OR coalesce(n.publishedAt, n.createdAt) >= $since
MATCH (n)-[:ABOUT]->(x:Project)
WITH x, collect(DISTINCT n.id) AS postIds"""
    + _UNCREDITED_TAIL
)
_UNCREDITED_ALL = (
    """
MATCH (n:Post)-[:ABOUT]->(x:Project)
WHERE $since IS NULL OR coalesce(n.publishedAt, n.createdAt) >= $since
WITH x, collect(n.id) AS postIds"""
    + _UNCREDITED_TAIL
)
_TEAM_SIZE = "MATCH (t:Team {id: $id}) RETURN COUNT { (t)<-[:MEMBER_OF]-(:Person) } AS size"


def _counts(row: dict[str, int]) -> RecognitionCounts:
    return RecognitionCounts(
        posts=int(row["posts"]),
        individual=int(row["individual"]),
        balanced=int(row["balanced"]),
        collective=int(row["collective"]),
        people_credited=int(row["credited"]),
        mixed_signals=int(row["mixed"]),
        not_judged=int(row["notJudged"]),
    )


# Reports aggregate over every post in scope: seconds on a large organisation, not the
# interactive budget of one graph call.
REPORT_TIMEOUT = 8.0


class RecognitionRepository:
    def __init__(self, client: GraphClient) -> None:
        self._client = client

    async def for_people(
        self, ids: Sequence[str], since: datetime | None
    ) -> dict[str, RecognitionCounts]:
        rows = await self._client.read(_PERSON_STATS, {"ids": list(ids), "since": since})
        return {r["key"]: _counts(r) for r in rows}

    async def for_teams(
        self, ids: Sequence[str], since: datetime | None
    ) -> dict[str, RecognitionCounts]:
        rows = await self._client.read(_TEAM_STATS, {"ids": list(ids), "since": since})
        return {r["key"]: _counts(r) for r in rows}

    async def overall(self, since: datetime | None) -> RecognitionCounts:
        rows = await self._client.read(_ALL_STATS, {"since": since}, timeout=REPORT_TIMEOUT)
        return _counts(rows[0]) if rows else RecognitionCounts()

    async def uncredited(
        self, team_id: str | None, since: datetime | None, limit: int = 500
    ) -> list[Contribution]:
        query = _UNCREDITED_ALL if team_id is None else _UNCREDITED_TEAM
        rows = await self._client.read(
            query, {"teamId": team_id, "since": since, "limit": limit}, timeout=REPORT_TIMEOUT
        )
        return [records.contribution(r["c"]) for r in rows]

    async def team_size(self, team_id: str) -> int | None:
        rows = await self._client.read(_TEAM_SIZE, {"id": team_id})
        return int(rows[0]["size"]) if rows else None
