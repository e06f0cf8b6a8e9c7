"""Posts, who wrote them (AUTHORED), who they mention (MENTIONS), what they are about (ABOUT)
and whom their author chose to credit (CREDITS)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import LiteralString

from teamcredit.errors import NotFound
from teamcredit.graph import records
from teamcredit.graph.client import GraphClient
from teamcredit.models import Page, Post, PostLinks

# The author, looked up from the post's side. A pattern comprehension here,
# [(a:Person)-[:AUTHORED]->(n) | a.id], made ArcadeDB scan every person: 90 ms per ingest
# and 370 ms per lookup of 5 posts on the 10,000-person graph, against 1-2 ms now.
_WITH_AUTHOR = """
OPTIONAL MATCH (n)<-[:AUTHORED]-(author:Person)
WITH n, collect(author.id)[0] AS authorId
RETURN n {.*, authorId: authorId} AS n
"""
_UPSERT = (
    """
MERGE (n:Post {id: $id})
ON CREATE SET n.createdAt = datetime()
SET n.importHash = null, n.urn = $urn, n.url = $url, n.text = $text, n.textHash = $textHash,
    n.language = $language, n.publishedAt = $publishedAt,
    n.orientation = $orientation, n.framingScore = $framingScore,
    n.framingConfidence = $framingConfidence, n.mixedSignals = $mixedSignals
WITH n
OPTIONAL MATCH (n)-[old:MENTIONS|ABOUT]->()
DELETE old
WITH DISTINCT n
OPTIONAL MATCH (a:Person {id: $authorId})
// A post keyed by its URN may come back with another author: it keeps one.
OPTIONAL MATCH (n)<-[previous:AUTHORED]-(other:Person) WHERE a IS NOT NULL AND other <> a
DELETE previous
WITH DISTINCT n, a
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
WITH n"""
    + _WITH_AUTHOR
)
_GET_MANY = "UNWIND $ids AS key MATCH (n:Post {id: key})" + _WITH_AUTHOR
_BY_URN = "MATCH (n:Post {urn: $urn}) WITH n LIMIT 1" + _WITH_AUTHOR
# Posts pages: one statement pair per way in. Each starts from an indexed anchor (the author,
# the team, or every post), and projects the author only for the rows of the page; a
# generic "$x IS NULL OR EXISTS {...}" filter made ArcadeDB walk every post.
_KEEP = """
  ($orientation IS NULL OR n.orientation = $orientation)
  AND ($teamId IS NULL OR EXISTS {
        MATCH (a)-[:MEMBER_OF]->(:Team {id: $teamId}) })
"""
_BY_AUTHOR = (
    """
MATCH (a:Person {id: $authorId})
MATCH (a)-[:AUTHORED]->(n:Post)
WHERE"""
    + _KEEP
)
_BY_TEAM = """
MATCH (t:Team {id: $teamId})
MATCH (t)<-[:MEMBER_OF]-(a:Person)-[:AUTHORED]->(n:Post)
WHERE ($orientation IS NULL OR n.orientation = $orientation)
"""
_ALL = """
MATCH (n:Post)
WHERE ($orientation IS NULL OR n.orientation = $orientation)
"""
_PAGE_TAIL = """
  AND ($after IS NULL OR n.id > $after)
WITH DISTINCT n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (author:Person)-[:AUTHORED]->(n)
RETURN n {.*, authorId: author.id} AS n ORDER BY n.id
"""
_COUNT_TAIL = "RETURN count(DISTINCT n) AS total"
# Every post once already, so no DISTINCT: over the 100,000 posts it doubled the time of a page
# on ArcadeDB (175 ms -> 80 ms for the first one; the count 50 ms -> 31 ms). There is no anchor
# to start from here: this way in reads every post.
_ALL_PAGE_TAIL = """
  AND ($after IS NULL OR n.id > $after)
WITH n ORDER BY n.id LIMIT $limit
OPTIONAL MATCH (author:Person)-[:AUTHORED]->(n)
RETURN n {.*, authorId: author.id} AS n ORDER BY n.id
"""
_PAGES: dict[str, tuple[LiteralString, LiteralString]] = {
    "author": (_BY_AUTHOR + _COUNT_TAIL, _BY_AUTHOR + _PAGE_TAIL),
    "team": (_BY_TEAM + _COUNT_TAIL, _BY_TEAM + _PAGE_TAIL),
    "all": (_ALL + "RETURN count(n) AS total", _ALL + _ALL_PAGE_TAIL),
}
_LINKS = """
UNWIND $ids AS key MATCH (n:Post {id: key})
MATCH (n)-[r:MENTIONS|ABOUT|CREDITS]->(x)
RETURN n.id AS post, type(r) AS kind, x.id AS target ORDER BY target
"""
_ACCEPT = (
    """
MATCH (n:Post {id: $postId}) MATCH (p:Person {id: $personId})
MERGE (n)-[c:CREDITS]->(p)
ON CREATE SET c.acceptedAt = datetime()
WITH DISTINCT n"""
    + _WITH_AUTHOR
)

# Posts stored before the framing's confidence and mixed-signals flag were kept
# (docs/graph-model.md, Framing on posts), a batch at a time: each batch written leaves them.
_UNJUDGED = """
MATCH (n:Post) WHERE n.mixedSignals IS NULL
WITH n LIMIT $limit
RETURN n.id AS id, n.text AS text, n.language AS language
"""
_SET_FRAMING = """
UNWIND $rows AS row
MATCH (n:Post {id: row.id})
SET n.orientation = row.orientation, n.framingScore = row.framingScore,
    n.framingConfidence = row.framingConfidence, n.mixedSignals = row.mixedSignals
RETURN count(n) AS written
"""


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
                **records.post_properties(post),
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
        way = "author" if author_id else "team" if team_id else "all"
        count, page = _PAGES[way]
        return await records.paginate(self._client, count, page, params, first, after, records.post)

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

    async def unjudged(self, limit: int) -> list[Post]:
        """Up to ``limit`` posts stored without the mixed-signals flag (id, text, language)."""
        rows = await self._client.read(_UNJUDGED, {"limit": limit})
        return [Post(id=r["id"], text=r["text"] or "", language=r["language"]) for r in rows]

    async def set_framing(self, posts: Sequence[Post]) -> int:
        """Write the framing of these posts (orientation, score, confidence, flag), nothing else."""
        fields = ("id", *records.FRAMING_PROPERTIES)
        rows = [{k: v for k, v in records.post_properties(p).items() if k in fields} for p in posts]
        result = await self._client.write(_SET_FRAMING, {"rows": rows})
        return int(result[0]["written"]) if result else 0
