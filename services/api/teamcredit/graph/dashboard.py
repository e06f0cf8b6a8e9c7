"""The recognition dashboard's facts: one read of who is where, who wrote what and whom it
named, which services/dashboard.py aggregates in memory and refreshes in the background.

Each statement walks one kind of node or edge once, from its label (no per-row pattern
comprehension: those made ArcadeDB rescan, see graph/posts.py), and returns plain ids, so a
100,000-post organisation is a few flat reads instead of a scan per dashboard request.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from teamcredit.graph import records
from teamcredit.graph.client import GraphClient, Row
from teamcredit.models import (
    Contribution,
    DashboardFacts,
    Membership,
    Organization,
    Person,
    PostFact,
    Project,
    Team,
)

_ORGANIZATIONS = "MATCH (o:Organization) RETURN o.id AS id, o.name AS name"
_TEAMS = """
MATCH (t:Team)
OPTIONAL MATCH (t)-[:PART_OF]->(o:Organization)
WITH t, collect(o.id) AS orgs
RETURN t.id AS id, t.name AS name, orgs[0] AS organizationId
"""
_PEOPLE = "MATCH (p:Person) RETURN p.id AS id, p.name AS name, p.country AS country"
_MEMBERSHIPS = "MATCH (p:Person)-[:MEMBER_OF]->(t:Team) RETURN p.id AS personId, t.id AS teamId"
_PROJECTS = """
MATCH (x:Project)
OPTIONAL MATCH (t:Team)-[:OWNS]->(x)
WITH x, collect(t.id) AS owners
RETURN x.id AS id, x.name AS name, owners[0] AS teamId
"""
_CONTRIBUTIONS = """
MATCH (p:Person)-[c:CONTRIBUTED_TO]->(x:Project)
RETURN p.id AS personId, x.id AS projectId, c.role AS role, c.weight AS weight
"""
_POSTS = """
MATCH (a:Person)-[:AUTHORED]->(n:Post)
RETURN n.id AS id, a.id AS authorId, coalesce(n.publishedAt, n.createdAt) AS at,
       n.orientation AS orientation, n.mixedSignals AS mixedSignals, n.url AS url
"""
_NAMED = "MATCH (n:Post)-[:MENTIONS|CREDITS]->(c:Person) RETURN n.id AS postId, c.id AS personId"
_ABOUT = "MATCH (n:Post)-[:ABOUT]->(x:Project) RETURN n.id AS postId, x.id AS projectId"
# The same facts for a few posts, from their ids (the posts this process just wrote). Each
# starts from the post: written as (a:Person)-[:AUTHORED]->(n:Post {id: key}), ArcadeDB
# walked every person's posts (90 ms on 10,000 people, against 1.6 ms).
_SOME_POSTS = """
UNWIND $ids AS key
MATCH (n:Post {id: key})
MATCH (n)<-[:AUTHORED]-(a:Person)
RETURN n.id AS id, a.id AS authorId, coalesce(n.publishedAt, n.createdAt) AS at,
       n.orientation AS orientation, n.mixedSignals AS mixedSignals, n.url AS url
"""
_SOME_NAMED = """
UNWIND $ids AS key
MATCH (n:Post {id: key})
MATCH (n)-[:MENTIONS|CREDITS]->(c:Person)
RETURN n.id AS postId, c.id AS personId
"""
_SOME_ABOUT = """
UNWIND $ids AS key
MATCH (n:Post {id: key})
MATCH (n)-[:ABOUT]->(x:Project)
RETURN n.id AS postId, x.id AS projectId
"""
# The organisation's version: bumped by every import that changed something, so a dashboard
# in another process (the API, while `teamcredit import` runs without a shared Redis) knows
# its figures are out of date. Writes through the API are counted in the API's own process.
_BUMP_VERSION = "MERGE (v:Meta {id: 'organization'}) SET v.version = coalesce(v.version, 0) + 1"
_VERSION = "OPTIONAL MATCH (v:Meta {id: 'organization'}) RETURN coalesce(v.version, 0) AS version"

# Every node and edge of the kinds above: seconds on a large organisation, and run in the
# background, never on a request's clock.
FACTS_TIMEOUT = 120.0


class DashboardRepository:
    def __init__(self, client: GraphClient) -> None:
        self._client = client

    async def facts(self) -> DashboardFacts:

        orgs = await self._client.read(_ORGANIZATIONS, timeout=FACTS_TIMEOUT)
        teams = await self._client.read(_TEAMS, timeout=FACTS_TIMEOUT)
        people = await self._client.read(_PEOPLE, timeout=FACTS_TIMEOUT)
        members = await self._client.read(_MEMBERSHIPS, timeout=FACTS_TIMEOUT)
        projects = await self._client.read(_PROJECTS, timeout=FACTS_TIMEOUT)
        contributions = await self._client.read(_CONTRIBUTIONS, timeout=FACTS_TIMEOUT)
        posts = await self._client.read(_POSTS, timeout=FACTS_TIMEOUT)
        named_rows = await self._client.read(_NAMED, timeout=FACTS_TIMEOUT)
        about_rows = await self._client.read(_ABOUT, timeout=FACTS_TIMEOUT)
        facts = _post_facts(posts, named_rows, about_rows)
        return DashboardFacts(
            organizations=tuple(Organization(id=r["id"], name=r["name"]) for r in orgs),
            teams=tuple(
                Team(id=r["id"], name=r["name"], organization_id=r["organizationId"]) for r in teams
            ),
            people=tuple(Person(id=r["id"], name=r["name"], country=r["country"]) for r in people),
            memberships=tuple(Membership(r["personId"], r["teamId"]) for r in members),
            projects=tuple(
                Project(id=r["id"], name=r["name"], team_id=r["teamId"]) for r in projects
            ),
            contributions=tuple(
                Contribution(r["personId"], r["projectId"], r["role"], float(r["weight"] or 1.0))
                for r in contributions
            ),
            posts=tuple(facts),
        )

    async def post_facts(self, ids: Sequence[str]) -> dict[str, PostFact | None]:
        """The facts of these posts now (None for a post gone, or without an author)."""
        params = {"ids": list(ids)}
        posts = await self._client.read(_SOME_POSTS, params)
        named = await self._client.read(_SOME_NAMED, params)
        about = await self._client.read(_SOME_ABOUT, params)
        found = {p.id: p for p in _post_facts(posts, named, about)}
        return {i: found.get(i) for i in ids}

    async def version(self) -> int:
        rows = await self._client.read(_VERSION)
        return int(rows[0]["version"]) if rows else 0

    async def bump_version(self) -> None:
        await self._client.write(_BUMP_VERSION)


def _post_facts(posts: list[Row], named_rows: list[Row], about_rows: list[Row]) -> list[PostFact]:
    named: dict[str, list[str]] = defaultdict(list)
    for r in named_rows:
        named[r["postId"]].append(r["personId"])
    about: dict[str, list[str]] = defaultdict(list)
    for r in about_rows:
        about[r["postId"]].append(r["projectId"])
    facts: list[PostFact] = []
    for r in posts:
        at = records.dt(r["at"])
        author = r["authorId"]
        facts.append(
            PostFact(
                id=r["id"],
                author_id=author,
                month=at.strftime("%Y-%m") if at else "unknown",
                # Only a verdict the product showed counts as an orientation: a mixed-signals
                # post (True) and one stored before the flag was kept (None) have none, and
                # analysis/dashboard.py counts them apart by the flag.
                orientation=r["orientation"] if r["mixedSignals"] is False else None,
                mixed_signals=r["mixedSignals"],
                url=r["url"],
                # Sorted: the same post read alone or with all the others compares equal.
                named=tuple(sorted({p for p in named.get(r["id"], ()) if p != author})),
                about=tuple(sorted(set(about.get(r["id"], ())))),
            )
        )
    return facts
