"""Teams, the organisation they belong to, and their members (MEMBER_OF)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from teamcredit.errors import NotFound
from teamcredit.graph import records
from teamcredit.graph.client import GraphClient
from teamcredit.models import Membership, Page, Team

_UPSERT = """
OPTIONAL MATCH (o:Organization {id: $organizationId})
WITH o WHERE $organizationId IS NULL OR o IS NOT NULL
MERGE (n:Team {id: $id})
SET n.importHash = null, n.name = $name, n.description = $description
WITH n, o
OPTIONAL MATCH (n)-[old:PART_OF]->(prev) WHERE o IS NULL OR prev <> o
DELETE old
WITH DISTINCT n, o
FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | MERGE (n)-[:PART_OF]->(o))
RETURN n {.*, organizationId: o.id} AS n
"""
_GET_MANY = (
    "MATCH (n:Team) WHERE n.id IN $ids "
    "RETURN n {.*, organizationId: [(n)-[:PART_OF]->(o:Organization) | o.id][0]} AS n"
)
_BY_ORG = """
UNWIND $ids AS key MATCH (o:Organization {id: key})
MATCH (n:Team)-[:PART_OF]->(o)
RETURN o.id AS org, n {.*, organizationId: o.id} AS n ORDER BY n.id
"""
_COUNT = "MATCH (n:Team) RETURN count(n) AS total"
_PAGE = """
MATCH (n:Team) WHERE $after IS NULL OR n.id > $after
WITH n ORDER BY n.id LIMIT $limit
RETURN n {.*, organizationId: [(n)-[:PART_OF]->(o:Organization) | o.id][0]} AS n
ORDER BY n.id
"""
_MEMBERS = """
UNWIND $ids AS key MATCH (t:Team {id: key})
MATCH (p:Person)-[m:MEMBER_OF]->(t)
RETURN {personId: p.id, teamId: t.id, role: m.role, since: m.since} AS m ORDER BY p.id
"""
_ADD_MEMBER = """
MATCH (p:Person {id: $personId}) MATCH (t:Team {id: $teamId})
MERGE (p)-[m:MEMBER_OF]->(t)
SET m.role = $role, m.since = $since
RETURN {personId: p.id, teamId: t.id, role: m.role, since: m.since} AS m
"""
_REMOVE_MEMBER = """
MATCH (:Person {id: $personId})-[m:MEMBER_OF]->(:Team {id: $teamId})
DELETE m RETURN count(*) AS removed
"""


class TeamRepository:
    def __init__(self, client: GraphClient) -> None:
        self._client = client

    async def upsert(self, team: Team) -> Team:
        rows = await self._client.write(
            _UPSERT,
            {
                "id": team.id,
                "name": team.name,
                "description": team.description,
                "organizationId": team.organization_id,
            },
        )
        if not rows:
            raise NotFound(
                f"no organization with id {team.organization_id!r}", field="organizationId"
            )
        return records.team(rows[0]["n"])

    async def get_many(self, ids: Sequence[str]) -> dict[str, Team]:
        rows = await self._client.read(_GET_MANY, {"ids": list(ids)})
        return {r["n"]["id"]: records.team(r["n"]) for r in rows}

    async def by_organization(self, org_ids: Sequence[str]) -> dict[str, list[Team]]:
        out: dict[str, list[Team]] = defaultdict(list)
        for r in await self._client.read(_BY_ORG, {"ids": list(org_ids)}):
            out[r["org"]].append(records.team(r["n"]))
        return out

    async def page(self, first: int, after: str | None) -> Page[Team]:
        return await records.paginate(self._client, _COUNT, _PAGE, {}, first, after, records.team)

    async def members(self, team_ids: Sequence[str]) -> dict[str, list[Membership]]:
        out: dict[str, list[Membership]] = defaultdict(list)
        for r in await self._client.read(_MEMBERS, {"ids": list(team_ids)}):
            m = records.membership(r["m"])
            out[m.team_id].append(m)
        return out

    async def add_membership(
        self, person_id: str, team_id: str, role: str | None, since: datetime | None
    ) -> Membership:
        rows = await self._client.write(
            _ADD_MEMBER, {"personId": person_id, "teamId": team_id, "role": role, "since": since}
        )
        if not rows:
            raise NotFound(f"no person {person_id!r} or no team {team_id!r}")
        return records.membership(rows[0]["m"])

    async def remove_membership(self, person_id: str, team_id: str) -> bool:
        rows = await self._client.write(_REMOVE_MEMBER, {"personId": person_id, "teamId": team_id})
        return bool(rows and rows[0]["removed"])
