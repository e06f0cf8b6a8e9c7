"""Issue 15, findings 8 and 9: scopes mean what docs/security.md says; writes tell the truth.

Reproductions: an analyze key mapped the organisation through
``analyzePost { author { headline } credit { person team { description } project { aliases } } }``;
a write-only key's ``ingestPost(...) { id mentions { id } }`` stored the post and answered
``data: null`` with FORBIDDEN.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from teamcredit.services.container import Services
from teamcredit.services.document import load_document
from teamcredit.services.importer import Importer
from teamcredit.settings import Settings
from tests.conftest import DEMO, wipe_graph
from tests.support.api import asgi_client, codes, gql

ATLAS = 'input: {text: "Thrilled to announce I shipped Atlas!", authorHandle: "bob-nguyen"}'


@pytest.fixture(scope="module")
async def demo(services: Services) -> Services:
    await wipe_graph(services)
    await Importer(services.client).run(load_document(DEMO))
    services.project_changed()
    return services


@pytest.fixture
async def api(settings: Settings, demo: Services) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(settings) as client:
        yield client


async def test_an_analyze_key_sees_names_not_the_organisation(
    api: httpx.AsyncClient, demo: Services
) -> None:
    key = (await demo.keys.create("analyze-only", ("analyze",))).secret
    allowed = (
        f"{{ analyzePost({ATLAS}) {{ degraded author {{ id name handle }} "
        "credit { person { id name handle } team { id name } project { id name } } } }"
    )
    body = await gql(api, allowed, key=key)
    answer = body["data"]["analyzePost"]
    assert answer["degraded"] is False and answer["author"]["handle"] == "bob-nguyen"
    assert answer["credit"] and answer["credit"][0]["project"]["name"] == "Atlas"
    for probe, path in [
        ("author { headline }", ["author", "headline"]),
        ("author { country { name } }", ["author", "country"]),
        ("credit { person { headline } }", ["credit", 0, "person", "headline"]),
        ("credit { person { aliases } }", ["credit", 0, "person", "aliases"]),
        ("credit { team { description } }", None),
        ("credit { project { aliases } }", ["credit", 0, "project", "aliases"]),
        ("credit { team { members { role } } }", None),
    ]:
        body = await gql(
            api, f"{{ analyzePost({ATLAS}) {{ {probe} }} }}", key=key, expect_errors=True
        )
        assert codes(body) and set(codes(body)) == {"FORBIDDEN"}, (probe, body)
        if path is not None:
            assert body["errors"][0]["path"] == ["analyzePost", *path], (probe, body)
    # The same fields with `read` as well: the scope is what decides.
    both = (await demo.keys.create("analyze-read", ("analyze", "read"))).secret
    body = await gql(
        api,
        f"{{ analyzePost({ATLAS}) {{ author {{ headline }} credit {{ project {{ aliases }} }} }} }}",
        key=both,
    )
    assert "errors" not in body


async def test_a_committed_write_never_answers_null(api: httpx.AsyncClient, demo: Services) -> None:
    key = (await demo.keys.create("write-only", ("write",))).secret
    mutation = (
        'mutation { ingestPost(input: {text: "We shipped Atlas with @Alice", '
        'urn: "urn:li:activity:i15-truthful", authorHandle: "bob-nguyen"}) '
        "{ id mentions { id } } }"
    )
    body = await gql(api, mutation, key=key, expect_errors=True)
    assert codes(body) == ["FORBIDDEN"]
    rows = await demo.client.read(
        "MATCH (p:Post {urn: 'urn:li:activity:i15-truthful'}) RETURN count(p) AS n"
    )
    # Refused before anything was written: the answer (an error) is the truth.
    assert rows[0]["n"] == 0, body
    assert "selection" in body["errors"][0]["message"]
    # Asking only for what the key may read, the write goes through and says so.
    body = await gql(api, mutation.replace(" mentions { id }", ""), key=key)
    assert body["data"]["ingestPost"]["id"]
    rows = await demo.client.read(
        "MATCH (p:Post {urn: 'urn:li:activity:i15-truthful'}) RETURN count(p) AS n"
    )
    assert rows[0]["n"] == 1
