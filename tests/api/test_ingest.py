"""Storing posts (ingestPost), accepting credit, and erasing a person without a trace."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from teamcredit.services.container import Services
from teamcredit.services.document import load_document
from teamcredit.services.importer import Importer
from teamcredit.settings import Settings
from tests.conftest import DEMO, wipe_graph
from tests.support.api import asgi_client, gql

INGEST = """
mutation($input: PostInput!) { ingestPost(input: $input) {
  id urn author { id } mentions { id } about { id } framing { orientation } } }
"""


@pytest.fixture
async def api(
    settings: Settings, services: Services, full_key: str
) -> AsyncIterator[httpx.AsyncClient]:
    await wipe_graph(services)
    await Importer(services.client).run(load_document(DEMO))
    services.project_changed()
    async with asgi_client(settings, full_key) as client:
        yield client


async def _count(services: Services, query: str, **params: object) -> int:
    return int((await services.client.read(query, params))[0]["c"])


async def test_reingesting_same_urn_leaves_one_post(
    api: httpx.AsyncClient, services: Services
) -> None:
    post = {
        "text": "Thrilled to announce I shipped Atlas with Bob Nguyen!",
        "authorHandle": "alice-martin",
        "urn": "urn:li:activity:7999999999999999999",
        "mentions": [{"name": "Bob Nguyen", "handle": "https://www.linkedin.com/in/bob-nguyen/"}],
    }
    first = (await gql(api, INGEST, {"input": post}))["data"]["ingestPost"]
    second = (await gql(api, INGEST, {"input": {**post, "text": post["text"] + " 🎉"}}))["data"][
        "ingestPost"
    ]
    assert first["id"] == second["id"]
    assert second["author"] == {"id": "p-alice-martin"}
    assert second["mentions"] == [{"id": "p-bob-nguyen"}]
    assert second["about"] == [{"id": "pr-atlas"}]
    assert second["framing"]["orientation"] == "INDIVIDUAL"
    assert (
        await _count(services, "MATCH (p:Post {urn: $urn}) RETURN count(p) AS c", urn=post["urn"])
        == 1
    )


async def test_without_urn_author_and_text_decide(
    api: httpx.AsyncClient, services: Services
) -> None:
    post = {"text": "We did it together 🙌", "authorHandle": "david-kim"}
    a = (await gql(api, INGEST, {"input": post}))["data"]["ingestPost"]["id"]
    b = (await gql(api, INGEST, {"input": {**post, "text": "We  did it together 🙌 "}}))["data"][
        "ingestPost"
    ]["id"]
    c = (await gql(api, INGEST, {"input": {**post, "authorHandle": "sam-taylor"}}))["data"][
        "ingestPost"
    ]["id"]
    assert a == b != c


async def test_accept_credit_records_a_credits_edge(api: httpx.AsyncClient) -> None:
    body = await gql(
        api,
        'mutation { acceptCredit(postId: "post-demo-01", personId: "p-carla-rossi") { credited { id } } }',
    )
    assert {"id": "p-carla-rossi"} in body["data"]["acceptCredit"]["credited"]


async def test_erase_person_leaves_no_trace(api: httpx.AsyncClient, services: Services) -> None:
    target = "p-bob-nguyen"
    body = await gql(api, f'mutation {{ erasePerson(id: "{target}") }}')
    assert body["data"]["erasePerson"] is True
    assert await _count(services, "MATCH (n {id: $id}) RETURN count(n) AS c", id=target) == 0
    assert (
        await _count(services, "MATCH (n:Post) WHERE n.id = 'post-demo-01' RETURN count(n) AS c")
        == 0
    ), "Bob's own posts are erased with him"
    checks = [
        '{ person(id: "p-bob-nguyen") { id } }',
        '{ person(handle: "bob-nguyen") { id } }',
        '{ node(id: "p-bob-nguyen") { id } }',
    ]
    for query in checks:
        assert "p-bob-nguyen" not in str(await gql(api, query))
    everything = await gql(
        api,
        "{ teams(first: 100) { edges { node { members { person { id } } projects { contributors { person { id } } } } } } "
        "people(first: 100) { edges { node { id } } } "
        "posts(first: 100) { edges { node { author { id } mentions { id } credited { id } } } } "
        "recognitionReport { uncreditedContributors { person { id } } } }",
    )
    assert "p-bob-nguyen" not in str(everything)
    body = await gql(
        api,
        '{ analyzePost(input: {text: "I shipped Atlas!", authorHandle: "alice-martin"}) { credit { person { id } } } }',
    )
    assert "p-bob-nguyen" not in str(body)
