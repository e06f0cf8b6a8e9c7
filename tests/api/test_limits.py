"""Hostile input: every limit answers with a code, never a 500, never a hang."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from teamcredit.services.container import Services
from teamcredit.settings import Settings
from tests.conftest import wipe_graph
from tests.support.api import asgi_client, codes, gql


@pytest.fixture
async def api(settings: Settings, full_key: str) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(settings, full_key) as client:
        yield client


def _deep(depth: int) -> str:
    inner = "name"
    for _ in range(depth):
        inner = f"members {{ team {{ {inner} }} }}"
    return f'{{ team(id: "t") {{ {inner} }} }}'


async def test_depth_limit(api: httpx.AsyncClient) -> None:
    body = await gql(api, _deep(3), expect_errors=False)
    body = await gql(api, _deep(6), expect_errors=True)
    assert codes(body) == ["QUERY_TOO_COMPLEX"]


async def test_thousand_aliases(api: httpx.AsyncClient) -> None:
    query = "{ " + " ".join(f"a{i}: __typename" for i in range(1000)) + " }"
    body = await gql(api, query, expect_errors=True)
    assert set(codes(body)) == {"QUERY_TOO_COMPLEX"}


async def test_five_megabyte_body(api: httpx.AsyncClient) -> None:
    payload = '{"query": "{ __typename }", "pad": "' + "x" * 5_000_000 + '"}'
    response = await api.post(
        "/graphql", content=payload, headers={"content-type": "application/json"}
    )
    assert response.status_code == 413
    assert codes(response.json()) == ["BAD_USER_INPUT"]


async def test_post_over_linkedin_limit(api: httpx.AsyncClient) -> None:
    body = await gql(
        api,
        "query($t: String!) { analyzePost(input: {text: $t}) { degraded } }",
        {"t": "x" * 3001},
        expect_errors=True,
    )
    assert codes(body) == ["BAD_USER_INPUT"]
    assert "3000" in body["errors"][0]["message"]


async def test_batch_over_fifty(api: httpx.AsyncClient) -> None:
    inputs = [{"text": f"post {i}"} for i in range(51)]
    body = await gql(
        api,
        "query($i: [PostInput!]!) { analyzePosts(inputs: $i) { degraded } }",
        {"i": inputs},
        expect_errors=True,
    )
    assert codes(body) == ["BAD_USER_INPUT"]


async def test_page_size_over_hundred(api: httpx.AsyncClient) -> None:
    body = await gql(api, "{ people(first: 101) { totalCount } }", expect_errors=True)
    assert codes(body) == ["BAD_USER_INPUT"]


async def test_invalid_utf8_is_a_client_error(api: httpx.AsyncClient) -> None:
    response = await api.post(
        "/graphql",
        content=b'{"query": "{ \xff\xfe }"}',
        headers={"content-type": "application/json"},
    )
    assert 400 <= response.status_code < 500


@pytest.mark.parametrize(
    "value",
    [
        "' OR 1=1 --",
        "x}) DETACH DELETE n //",
        "Robert'); MATCH (n) DETACH DELETE n; //",
        "$param {name: 'x'}",
        "emoji 🎉👩🏽‍💻 and accents Léa Noël",
    ],
)
async def test_metacharacters_are_stored_verbatim(
    api: httpx.AsyncClient, services: Services, value: str
) -> None:
    await wipe_graph(services)
    body = await gql(
        api,
        "mutation($i: PersonInput!) { upsertPerson(input: $i) { name headline } }",
        {"i": {"id": "p-meta", "name": value, "headline": value}},
    )
    assert body["data"]["upsertPerson"] == {"name": value.strip(), "headline": value.strip()}
    body = await gql(api, "{ people(first: 5) { totalCount edges { node { name } } } }")
    assert body["data"]["people"]["totalCount"] == 1
    assert body["data"]["people"]["edges"][0]["node"]["name"] == value.strip()


async def test_null_bytes_are_refused(api: httpx.AsyncClient) -> None:
    body = await gql(
        api,
        "mutation($i: PersonInput!) { upsertPerson(input: $i) { name } }",
        {"i": {"id": "p-nul", "name": "a\u0000b"}},
        expect_errors=True,
    )
    assert codes(body) == ["BAD_USER_INPUT"]


async def test_unexpected_errors_are_masked(api: httpx.AsyncClient) -> None:
    services: Services = api.app.state.services  # type: ignore[attr-defined]
    original = services.people.page

    async def boom(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("secret internals: /etc/passwd")

    services.people.page = boom  # type: ignore[method-assign]
    try:
        response = await api.post("/graphql", json={"query": "{ people { totalCount } }"})
    finally:
        services.people.page = original  # type: ignore[method-assign]
    error = response.json()["errors"][0]
    assert error["message"] == "Internal error"
    assert error["extensions"]["code"] == "INTERNAL_SERVER_ERROR"
    assert error["extensions"]["requestId"] == response.headers["x-request-id"]
    assert "passwd" not in response.text


async def test_rate_limit_per_key(settings: Settings, full_key: str) -> None:
    strict = settings.model_copy(update={"rate_limit_per_minute": 60, "rate_limit_burst": 3})
    async with asgi_client(strict, full_key) as client:
        statuses = [
            (await client.post("/graphql", json={"query": "{ __typename }"})).status_code
            for _ in range(4)
        ]
        assert statuses == [200, 200, 200, 429]
        response = await client.post("/graphql", json={"query": "{ __typename }"})
        # 3 requests in the 3 s it takes to earn them at 60 a minute: the window's reset.
        assert 1 <= int(response.headers["retry-after"]) <= 3
        assert codes(response.json()) == ["RATE_LIMITED"]


async def test_production_hides_introspection_graphiql_and_suggestions(
    settings: Settings, full_key: str
) -> None:
    prod = settings.model_copy(update={"env": "prod"})
    async with asgi_client(prod, full_key) as client:
        body = await gql(client, "{ __schema { types { name } } }", expect_errors=True)
        assert body.get("errors")
        page = await client.get("/graphql", headers={"accept": "text/html"})
        assert "graphiql" not in page.text.lower()
        body = await gql(client, "{ teamz { totalCount } }", expect_errors=True)
        assert "Did you mean" not in body["errors"][0]["message"]


async def test_cors_only_for_configured_origins(settings: Settings) -> None:
    origin = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
    configured = settings.model_copy(update={"cors_origins": [origin]})
    async with asgi_client(configured) as client:
        allowed = await client.options(
            "/graphql",
            headers={"origin": origin, "access-control-request-method": "POST"},
        )
        assert allowed.headers.get("access-control-allow-origin") == origin
        assert allowed.headers.get("access-control-allow-credentials") == "true"
        refused = await client.options(
            "/graphql",
            headers={"origin": "https://evil.example", "access-control-request-method": "POST"},
        )
        assert "access-control-allow-origin" not in refused.headers
