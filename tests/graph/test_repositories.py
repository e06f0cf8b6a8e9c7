"""Repositories against the real Bolt graph server."""

from __future__ import annotations

import asyncio
from dataclasses import replace

import pytest

from teamcredit.errors import BadUserInput, NotFound
from teamcredit.models import Organization, Person, Post, Project, Team
from teamcredit.services.container import Services
from tests.support.cypher import COUNT_LABEL


async def count(services: Services, label: str) -> int:
    rows = await services.client.read(COUNT_LABEL[label])
    return int(rows[0]["c"])


async def test_upserting_twice_yields_one_node(clean: Services) -> None:
    person = Person(id="p-ada", name="Ada Lovelace", handle="ada", country="GB")
    await clean.people.upsert(person)
    again = await clean.people.upsert(Person(id="p-ada", name="Ada King", handle="ada"))
    assert again.name == "Ada King"
    assert again.country is None
    assert await count(clean, "Person") == 1


async def test_a_post_that_comes_back_with_another_author_keeps_one(clean: Services) -> None:
    for person in ("p-ann", "p-bob"):
        await clean.people.upsert(Person(id=person, name=person))
    post = Post(id="post-urn", text="We shipped", author_id="p-ann", urn="urn:li:activity:1")
    await clean.posts.upsert(post)
    moved = await clean.posts.upsert(replace(post, author_id="p-bob"))
    assert moved.author_id == "p-bob"
    rows = await clean.client.read(
        "MATCH (n:Post {id: $id}) OPTIONAL MATCH (n)<-[:AUTHORED]-(a:Person) "
        "RETURN collect(a.id) AS authors",
        {"id": "post-urn"},
    )
    assert rows[0]["authors"] == ["p-bob"]
    kept = await clean.posts.upsert(replace(post, author_id=None))
    assert kept.author_id == "p-bob"  # an unknown author does not erase the known one


async def test_concurrent_upserts_of_one_person_yield_one_node(clean: Services) -> None:
    await asyncio.gather(
        *(clean.people.upsert(Person(id="p-same", name=f"Name {i}")) for i in range(20))
    )
    assert await count(clean, "Person") == 1


async def test_walking_every_page_returns_each_item_once(clean: Services) -> None:
    ids = [f"p-{i:03d}" for i in range(57)]
    for pid in ids:
        await clean.people.upsert(Person(id=pid, name=f"Person {pid}"))
    seen: list[str] = []
    after = None
    while True:
        page = await clean.people.page(None, 10, after)
        assert page.total == 57
        seen.extend(p.id for p in page.items)
        if not page.has_next:
            break
        after = page.end_cursor
    assert seen == sorted(ids)


async def test_team_with_unknown_organization_is_not_found_and_not_written(
    clean: Services,
) -> None:
    with pytest.raises(NotFound):
        await clean.teams.upsert(Team(id="t-x", name="X", organization_id="org-missing"))
    assert await count(clean, "Team") == 0


async def test_membership_needs_both_ends(clean: Services) -> None:
    await clean.people.upsert(Person(id="p-a", name="A"))
    with pytest.raises(NotFound):
        await clean.teams.add_membership("p-a", "t-missing", None, None)


async def test_invalid_cursor_is_bad_user_input(clean: Services) -> None:
    with pytest.raises(BadUserInput):
        await clean.people.page(None, 10, "not-a-cursor!!")


async def test_relations_round_trip(clean: Services) -> None:
    await clean.organizations.upsert(Organization(id="org-1", name="Org"))
    await clean.teams.upsert(Team(id="t-1", name="Équipe", organization_id="org-1"))
    await clean.people.upsert(Person(id="p-1", name="Léa"))
    await clean.projects.upsert(
        Project(id="pr-1", name="Atlas", aliases=("Atlas API",), team_id="t-1")
    )
    await clean.teams.add_membership("p-1", "t-1", "lead", None)
    await clean.projects.add_contribution("p-1", "pr-1", "backend", 0.8)
    assert [m.team_id for m in (await clean.people.memberships(["p-1"]))["p-1"]] == ["t-1"]
    assert (await clean.projects.contributors(["pr-1"]))["pr-1"][0].weight == pytest.approx(0.8)
    assert [t.id for t in (await clean.teams.by_organization(["org-1"]))["org-1"]] == ["t-1"]
    project = (await clean.projects.get_many(["pr-1"]))["pr-1"]
    assert project.team_id == "t-1" and project.aliases == ("Atlas API",)
