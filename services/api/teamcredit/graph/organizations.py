"""Organizations: the top of the graph."""

from __future__ import annotations

from collections.abc import Sequence

from teamcredit.graph import records
from teamcredit.graph.client import GraphClient
from teamcredit.models import Organization, Page

_UPSERT = """
MERGE (n:Organization {id: $id})
SET n.importHash = null, n.name = $name
RETURN n {.*} AS n
"""
_GET_MANY = "MATCH (n:Organization) WHERE n.id IN $ids RETURN n {.*} AS n"
_COUNT = "MATCH (n:Organization) RETURN count(n) AS total"
_PAGE = """
MATCH (n:Organization) WHERE $after IS NULL OR n.id > $after
RETURN n {.*} AS n ORDER BY n.id LIMIT $limit
"""


class OrganizationRepository:
    def __init__(self, client: GraphClient) -> None:
        self._client = client

    async def upsert(self, org: Organization) -> Organization:
        rows = await self._client.write(_UPSERT, {"id": org.id, "name": org.name})
        return records.organization(rows[0]["n"])

    async def get_many(self, ids: Sequence[str]) -> dict[str, Organization]:
        rows = await self._client.read(_GET_MANY, {"ids": list(ids)})
        return {r["n"]["id"]: records.organization(r["n"]) for r in rows}

    async def page(self, first: int, after: str | None) -> Page[Organization]:
        return await records.paginate(
            self._client, _COUNT, _PAGE, {}, first, after, records.organization
        )
