"""Which aggregate an id belongs to (the GraphQL ``node(id)`` entry point)."""

from __future__ import annotations

from teamcredit.graph.client import GraphClient

# One indexed lookup per label rather than an unlabelled scan of every node.
_LABEL_OF = """
CALL () {
  MATCH (n:Organization {id: $id}) RETURN 'Organization' AS label
  UNION MATCH (n:Team {id: $id}) RETURN 'Team' AS label
  UNION MATCH (n:Person {id: $id}) RETURN 'Person' AS label
  UNION MATCH (n:Project {id: $id}) RETURN 'Project' AS label
  UNION MATCH (n:Post {id: $id}) RETURN 'Post' AS label
}
RETURN label LIMIT 1
"""


class NodeRepository:
    def __init__(self, client: GraphClient) -> None:
        self._client = client

    async def label_of(self, node_id: str) -> str | None:
        rows = await self._client.read(_LABEL_OF, {"id": node_id})
        return str(rows[0]["label"]) if rows else None
