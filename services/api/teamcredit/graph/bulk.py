"""Batched writes for imports: one ``UNWIND $rows`` statement per batch and type.

Nodes carry ``importHash``, a fingerprint of the row that last wrote them, so a re-import
reads the hashes of a batch, writes only what changed, and reports created / updated /
unchanged. Writes through the API clear the fingerprint, so the next import rewrites them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, LiteralString

from teamcredit.graph.client import GraphClient
from teamcredit.graph.projects import BUMP_VERSION

Row = Mapping[str, Any]


@dataclass(slots=True)
class WriteCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    def add(self, other: WriteCounts) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged


_NODE_HASHES: dict[str, LiteralString] = {
    "Organization": (
        "MATCH (n:Organization) WHERE n.id IN $ids RETURN n.id AS id, n.importHash AS h"
    ),
    "Team": "MATCH (n:Team) WHERE n.id IN $ids RETURN n.id AS id, n.importHash AS h",
    "Person": "MATCH (n:Person) WHERE n.id IN $ids RETURN n.id AS id, n.importHash AS h",
    "Project": "MATCH (n:Project) WHERE n.id IN $ids RETURN n.id AS id, n.importHash AS h",
    "Post": "MATCH (n:Post) WHERE n.id IN $ids RETURN n.id AS id, n.importHash AS h",
}

_NODE_WRITES: dict[str, LiteralString] = {
    "Organization": """
UNWIND $rows AS row
MERGE (n:Organization {id: row.id})
SET n.name = row.name, n.importHash = row.hash
""",
    "Team": """
UNWIND $rows AS row
MERGE (n:Team {id: row.id})
SET n.name = row.name, n.description = row.description, n.importHash = row.hash
WITH n, row
OPTIONAL MATCH (n)-[old:PART_OF]->()
DELETE old
WITH DISTINCT n, row
OPTIONAL MATCH (o:Organization {id: row.organizationId})
FOREACH (_ IN CASE WHEN o IS NULL THEN [] ELSE [1] END | MERGE (n)-[:PART_OF]->(o))
""",
    "Person": """
UNWIND $rows AS row
MERGE (n:Person {id: row.id})
SET n.name = row.name, n.handle = row.handle, n.headline = row.headline,
    n.country = row.country, n.locale = row.locale, n.aliases = row.aliases,
    n.importHash = row.hash
WITH n, row
OPTIONAL MATCH (n)-[old:BASED_IN]->()
DELETE old
WITH DISTINCT n, row
FOREACH (iso IN CASE WHEN row.country IS NULL THEN [] ELSE [row.country] END |
  MERGE (c:Country {iso2: iso}) MERGE (n)-[:BASED_IN]->(c))
""",
    "Project": """
UNWIND $rows AS row
MERGE (n:Project {id: row.id})
SET n.name = row.name, n.aliases = row.aliases, n.keywords = row.keywords,
    n.startedAt = row.startedAt, n.endedAt = row.endedAt, n.importHash = row.hash
WITH n, row
OPTIONAL MATCH ()-[old:OWNS]->(n)
DELETE old
WITH DISTINCT n, row
OPTIONAL MATCH (t:Team {id: row.teamId})
FOREACH (_ IN CASE WHEN t IS NULL THEN [] ELSE [1] END | MERGE (t)-[:OWNS]->(n))
""",
    "Post": """
UNWIND $rows AS row
MERGE (n:Post {id: row.id})
ON CREATE SET n.createdAt = datetime()
SET n.urn = row.urn, n.url = row.url, n.text = row.text, n.textHash = row.textHash,
    n.language = row.language, n.publishedAt = row.publishedAt,
    n.orientation = row.orientation, n.framingScore = row.framingScore,
    n.framingConfidence = row.framingConfidence, n.mixedSignals = row.mixedSignals,
    n.importHash = row.hash
WITH n, row
OPTIONAL MATCH (n)-[old:MENTIONS|ABOUT|CREDITS]->()
DELETE old
WITH DISTINCT n, row
OPTIONAL MATCH (a:Person {id: row.authorId})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (a)-[:AUTHORED]->(n))
WITH n, row
CALL (n, row) {
  UNWIND row.mentions AS mid MATCH (m:Person {id: mid}) MERGE (n)-[:MENTIONS]->(m)
  RETURN count(*) AS mentioned
}
CALL (n, row) {
  UNWIND row.about AS pid MATCH (p:Project {id: pid}) MERGE (n)-[:ABOUT]->(p)
  RETURN count(*) AS about
}
CALL (n, row) {
  UNWIND row.credits AS cid MATCH (c:Person {id: cid}) MERGE (n)-[r:CREDITS]->(c)
  ON CREATE SET r.acceptedAt = n.publishedAt
  RETURN count(*) AS credited
}
// Neo4j refuses a query that ends with a returning CALL ("Query cannot conclude with
// CALL"); ArcadeDB accepted it. Checked by tests/graph/test_neo4j_frontend.py.
RETURN count(*) AS written
""",
}

_EDGE_READS: dict[str, LiteralString] = {
    "MEMBER_OF": """
UNWIND $rows AS row
MATCH (:Person {id: row.personId})-[r:MEMBER_OF]->(:Team {id: row.teamId})
RETURN row.key AS key, r.role AS role, r.since AS since
""",
    "CONTRIBUTED_TO": """
UNWIND $rows AS row
MATCH (:Person {id: row.personId})-[r:CONTRIBUTED_TO]->(:Project {id: row.projectId})
RETURN row.key AS key, r.role AS role, r.weight AS weight
""",
}

_EDGE_WRITES: dict[str, LiteralString] = {
    "MEMBER_OF": """
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}) MATCH (t:Team {id: row.teamId})
MERGE (p)-[r:MEMBER_OF]->(t)
SET r.role = row.role, r.since = row.since
""",
    "CONTRIBUTED_TO": """
UNWIND $rows AS row
MATCH (p:Person {id: row.personId}) MATCH (x:Project {id: row.projectId})
MERGE (p)-[r:CONTRIBUTED_TO]->(x)
SET r.role = row.role, r.weight = row.weight
""",
}

_EXISTING: dict[str, LiteralString] = {
    "Organization": "MATCH (n:Organization) WHERE n.id IN $ids RETURN n.id AS id",
    "Team": "MATCH (n:Team) WHERE n.id IN $ids RETURN n.id AS id",
    "Person": "MATCH (n:Person) WHERE n.id IN $ids RETURN n.id AS id",
    "Project": "MATCH (n:Project) WHERE n.id IN $ids RETURN n.id AS id",
}

NODE_LABELS = tuple(_NODE_WRITES)
EDGE_TYPES = tuple(_EDGE_WRITES)


class BulkWriter:
    def __init__(self, client: GraphClient, timeout: float = 120.0) -> None:
        self._client = client
        self._timeout = timeout

    async def existing_ids(self, label: str, ids: Sequence[str]) -> set[str]:
        """Which of ``ids`` are already in the graph (to validate references before writing)."""
        if not ids:
            return set()
        rows = await self._client.read(_EXISTING[label], {"ids": list(ids)}, timeout=self._timeout)
        return {r["id"] for r in rows}

    async def write_nodes(self, label: str, rows: Sequence[Row]) -> WriteCounts:
        """Upsert a batch of nodes (each row has ``id`` and ``hash``); skip unchanged ones."""
        ids = [r["id"] for r in rows]
        found = await self._client.read(_NODE_HASHES[label], {"ids": ids}, timeout=self._timeout)
        hashes = {r["id"]: r["h"] for r in found}
        changed = [r for r in rows if r["id"] not in hashes or hashes[r["id"]] != r["hash"]]
        if changed:
            await self._client.write(_NODE_WRITES[label], {"rows": changed}, timeout=self._timeout)
            if label == "Project":
                await self._client.write(BUMP_VERSION, timeout=self._timeout)
        created = sum(1 for r in changed if r["id"] not in hashes)
        return WriteCounts(
            created=created, updated=len(changed) - created, unchanged=len(rows) - len(changed)
        )

    async def write_edges(
        self, rel: str, rows: Sequence[Row], compare: Sequence[str]
    ) -> WriteCounts:
        """Upsert a batch of relationships (each row has a unique ``key``)."""
        found = await self._client.read(_EDGE_READS[rel], {"rows": rows}, timeout=self._timeout)
        current = {r["key"]: r for r in found}

        def same(row: Row) -> bool:
            old = current.get(row["key"])
            return old is not None and all(_eq(old[f], row[f]) for f in compare)

        changed = [r for r in rows if not same(r)]
        if changed:
            await self._client.write(_EDGE_WRITES[rel], {"rows": changed}, timeout=self._timeout)
        created = sum(1 for r in changed if r["key"] not in current)
        return WriteCounts(
            created=created, updated=len(changed) - created, unchanged=len(rows) - len(changed)
        )


def _eq(old: Any, new: Any) -> bool:
    from teamcredit.graph.records import dt

    if hasattr(old, "to_native") or hasattr(new, "isoformat"):
        return dt(old) == dt(new)
    if isinstance(old, float) or isinstance(new, float):
        return old is not None and new is not None and abs(float(old) - float(new)) < 1e-9
    return bool(old == new)
