"""Posts, who wrote them (AUTHORED), who they mention (MENTIONS), what they are about (ABOUT)
and whom their author chose to credit (CREDITS)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from teamcredit.errors import NotFound
from teamcredit.graph import records
from teamcredit.graph.client import GraphClient
from teamcredit.graph.models import Page, Post

_UPSERT = """
MERGE (n:Post {id: $id})
ON CREATE SET n.createdAt = datetime()
SET n.importHash = null, n.urn = $urn, n.url = $url, n.text = $text, n.textHash = $textHash,
    n.language = $language, n.publishedAt = $publishedAt,
    n.orientation = $orientation, n.framingScore = $framingScore
WITH n
OPTIONAL MATCH (n)-[old:MENTIONS|ABOUT]->()
DELETE old
WITH DISTINCT n
OPTIONAL MATCH (a:Person {id: $authorId})
FOREACH (_ IN CASE WHEN a IS NULL THEN [] ELSE [1] END | MERGE (a)-[:AUTHORED]->(n))
WITH DISTINCT n
CALL (n) {
  UNWIND $mentionIds AS mid MATCH (m:Person {id: mid}) MERGE (n)-[:MENTIONS]->(m)
  RETURN count(*) AS mentioned
}
CALL (n) {
  UNWIND $projectIds AS pid MATCH (pr:Project {id: pid}) MERGE (n)-[:ABOUT]->(pr)
  RETURN count(*) AS about
}
RETURN n {.*, authorId: [(a:Person)-[:AUTHORED]->(n) | a.id][0]} AS n
"""
_GET_MANY = (
    "MATCH (n:Post) WHERE n.id IN $ids "
    "RETURN n {.*, authorId: [(a:Person)-[:AUTHORED]->(n) | a.id][0]} AS n"
)
_BY_URN = (
    "MATCH (n:Post) WHERE n.urn = $urn "
    "RETURN n {.*, authorId: [(a:Person)-[:AUTHORED]->(n) | a.id][0]} AS n LIMIT 1"
)
_FILTER = """
MATCH (n:Post)
WHERE ($orientation IS NULL OR n.orientation = $orientation)
  AND ($authorId IS NULL OR EXISTS { (:Person {id: $authorId})-[:AUTHORED]->(n) })
  AND ($teamId IS NULL OR EXISTS { (n)<-[:AUTHORED]-(:Person)-[:MEMBER_OF]->(:Team {id: $teamId}) })
"""
_COUNT = _FILTER + "RETURN count(n) AS total"
_PAGE = (
    _FILTER
    + "AND ($after IS NULL OR n.id > $after) "
    + "RETURN n {.*, authorId: [(a:Person)-[:AUTHORED]->(n) | a.id][0]} AS n "
    + "ORDER BY n.id LIMIT $limit"
)
_LINKS = """
MATCH (n:Post)-[r:MENTIONS|ABOUT|CREDITS]->(x) WHERE n.id IN $ids
RETURN n.id AS post, type(r) AS kind, x.id AS target ORDER BY target
"""
_ACCEPT = """
MATCH (n:Post {id: $postId}) MATCH (p:Person {id: $personId})
MERGE (n)-[c:CREDITS]->(p)
ON CREATE SET c.acceptedAt = datetime()
RETURN n {.*, authorId: [(a:Person)-[:AUTHORED]->(n) | a.id][0]} AS n
"""


@dataclass(frozen=True, slots=True)
class PostLinks:
    mentions: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    credited: tuple[str, ...] = ()


class PostRepository:
    def __init__(self, client: GraphClient) -> None:
        self._client = client

    async def upsert(
        self,
        post: Post,
        mention_ids: Sequence[str] = (),
        project_ids: Sequence[str] = (),
    ) -> Post:
        rows = await self._client.write(
            _UPSERT,
            {
                "id": post.id,
                "urn": post.urn,
                "url": post.url,
                "text": post.text,
                "textHash": post.text_hash,
                "language": post.language,
                "publishedAt": post.published_at,
                "orientation": post.orientation,
                "framingScore": post.framing_score,
                "authorId": post.author_id,
                "mentionIds": list(dict.fromkeys(mention_ids)),
                "projectIds": list(dict.fromkeys(project_ids)),
            },
        )
        return records.post(rows[0]["n"])

    async def get_many(self, ids: Sequence[str]) -> dict[str, Post]:
        rows = await self._client.read(_GET_MANY, {"ids": list(ids)})
        return {r["n"]["id"]: records.post(r["n"]) for r in rows}

    async def by_urn(self, urn: str) -> Post | None:
        rows = await self._client.read(_BY_URN, {"urn": urn})
        return records.post(rows[0]["n"]) if rows else None

    async def page(
        self,
        first: int,
        after: str | None,
        author_id: str | None = None,
        team_id: str | None = None,
        orientation: str | None = None,
    ) -> Page[Post]:
        params = {"authorId": author_id, "teamId": team_id, "orientation": orientation}
        return await records.paginate(
            self._client, _COUNT, _PAGE, params, first, after, records.post
        )

    async def links(self, post_ids: Sequence[str]) -> dict[str, PostLinks]:
        grouped: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for r in await self._client.read(_LINKS, {"ids": list(post_ids)}):
            grouped[r["post"]][r["kind"]].append(r["target"])
        return {
            pid: PostLinks(
                mentions=tuple(kinds["MENTIONS"]),
                about=tuple(kinds["ABOUT"]),
                credited=tuple(kinds["CREDITS"]),
            )
            for pid, kinds in grouped.items()
        }

    async def accept_credit(self, post_id: str, person_id: str) -> Post:
        rows = await self._client.write(_ACCEPT, {"postId": post_id, "personId": person_id})
        if not rows:
            raise NotFound(f"no post {post_id!r} or no person {person_id!r}")
        return records.post(rows[0]["n"])
