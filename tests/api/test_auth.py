"""Access control: every operation, enumerated from the schema itself, needs its scope."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLScalarType,
)

from teamcredit.api.permissions import ROOT_DEFAULT, ROOT_OVERRIDES
from teamcredit.api.schema import build_schema
from teamcredit.graph.keys import ApiKeyRepository
from teamcredit.models import Person
from teamcredit.services.container import Services
from teamcredit.services.keys import SCOPES, KeyService
from teamcredit.settings import Settings
from tests.support.api import asgi_client, codes, gql

SCHEMA = build_schema()._schema


def _literal(gql_type: Any) -> str:
    if isinstance(gql_type, GraphQLNonNull):
        return _literal(gql_type.of_type)
    if isinstance(gql_type, GraphQLList):
        return "[" + _literal(gql_type.of_type) + "]"
    if isinstance(gql_type, GraphQLEnumType):
        return next(iter(gql_type.values))
    if isinstance(gql_type, GraphQLInputObjectType):
        required = [
            f"{name}: {_literal(f.type)}"
            for name, f in gql_type.fields.items()
            if isinstance(f.type, GraphQLNonNull)
        ]
        return "{" + ", ".join(required) + "}"
    assert isinstance(gql_type, GraphQLScalarType)
    return {
        "Int": "1",
        "Float": "1.0",
        "Boolean": "true",
        "DateTime": '"2026-01-01T00:00:00+00:00"',
    }.get(gql_type.name, '"x"')


def _operation(root: str, name: str) -> str:
    field = SCHEMA.get_type(root).fields[name]  # type: ignore[union-attr]
    args = [
        f"{a}: {_literal(t.type)}"
        for a, t in field.args.items()
        if isinstance(t.type, GraphQLNonNull)
    ]
    named = field.type
    while isinstance(named, GraphQLNonNull | GraphQLList):
        named = named.of_type
    selection = (
        " { __typename }" if not isinstance(named, GraphQLScalarType | GraphQLEnumType) else ""
    )
    call = f"{name}({', '.join(args)})" if args else name
    keyword = "query" if root == "Query" else "mutation"
    return f"{keyword} {{ {call}{selection} }}"


OPERATIONS = [
    (root, name, ROOT_OVERRIDES.get((root, name), scope))
    for root, scope in ROOT_DEFAULT.items()
    for name in SCHEMA.get_type(root).fields  # type: ignore[union-attr]
]


@pytest.fixture(scope="module")
async def keys(services: Services) -> dict[str, str]:
    """For each scope, a key holding every OTHER scope."""
    out = {}
    for scope in SCOPES:
        others = tuple(s for s in SCOPES if s != scope)
        out[scope] = (await services.keys.create(f"all-but-{scope}", others)).secret
    return out


@pytest.fixture
async def api(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(settings) as client:
        yield client


def test_every_operation_is_enumerated() -> None:
    names = {name for _, name, _ in OPERATIONS}
    assert {"analyzePost", "upsertPerson", "erasePerson", "teams", "createApiKey"} <= names


@pytest.mark.parametrize(("root", "name", "scope"), OPERATIONS, ids=[o[1] for o in OPERATIONS])
async def test_no_key_is_unauthenticated_and_wrong_scope_is_forbidden(
    api: httpx.AsyncClient, keys: dict[str, str], root: str, name: str, scope: str
) -> None:
    operation = _operation(root, name)
    body = await gql(api, operation, expect_errors=True)
    assert codes(body) == ["UNAUTHENTICATED"], (operation, body)
    body = await gql(api, operation, key="tc_0000000000000000_" + "x" * 43, expect_errors=True)
    assert codes(body) == ["UNAUTHENTICATED"], (operation, body)
    body = await gql(api, operation, key=keys[scope], expect_errors=True)
    assert codes(body) == ["FORBIDDEN"], (operation, body)


async def test_nested_field_cannot_leak_what_the_key_may_not_read(
    api: httpx.AsyncClient, services: Services
) -> None:
    await services.people.upsert(Person(id="p-nested", name="Nadia", handle="nadia-n"))
    key = (await services.keys.create("analyze-only", ("analyze",))).secret
    query = (
        '{ analyzePost(input: {text: "We shipped it together", authorHandle: "nadia-n"}) '
        "{ degraded author { name memberships { role } } } }"
    )
    body = await gql(api, query, key=key, expect_errors=True)
    assert codes(body) == ["FORBIDDEN"]
    assert body["errors"][0]["path"] == ["analyzePost", "author", "memberships"]
    body = await gql(api, query.replace(" memberships { role }", ""), key=key)
    assert body["data"]["analyzePost"]["author"]["name"] == "Nadia"


async def test_revoked_key_stops_at_once(
    api: httpx.AsyncClient, services: Services, full_key: str
) -> None:
    # Revoked through the API that serves it: its cached verification goes at once.
    issued = await services.keys.create("to-revoke", ("read",))
    assert "errors" not in await gql(api, "{ teams { totalCount } }", key=issued.secret)
    revoke = "mutation($id: ID!) { revokeApiKey(id: $id) { id } }"
    await gql(api, revoke, {"id": issued.id}, key=full_key)
    body = await gql(api, "{ teams { totalCount } }", key=issued.secret, expect_errors=True)
    assert codes(body) == ["UNAUTHENTICATED"]


async def test_a_key_revoked_elsewhere_stops_within_the_cache_seconds(services: Services) -> None:
    # Another replica (or the CLI) revokes in the graph; this process learns it on its next
    # check, at most key_cache_seconds later, and not a round trip per request before that.
    now = [1000.0]
    keys = KeyService(ApiKeyRepository(services.client), fresh_seconds=5, clock=lambda: now[0])
    issued = await keys.create("revoked-elsewhere", ("read",))
    assert await keys.verify(issued.secret) is not None
    await ApiKeyRepository(services.client).revoke(issued.id)
    trips: list[str] = []

    def listener(query: str, _seconds: float, _ok: bool) -> None:
        trips.append(query)

    services.client.add_listener(listener)
    try:
        now[0] += 4.9
        assert await keys.verify(issued.secret) is not None
        assert trips == []
        now[0] += 0.2
        assert await keys.verify(issued.secret) is None
        assert len(trips) == 1
    finally:
        services.client.remove_listener(listener)


async def test_only_a_salted_hash_is_stored(services: Services) -> None:
    issued = await services.keys.create("stored", ("read",))
    secret = issued.secret.split("_", 2)[2]  # tc_<id>_<secret>; the secret may hold "_"
    rows = await services.client.read(
        "MATCH (k:ApiKey {id: $id}) RETURN k {.*} AS k", {"id": issued.id}
    )
    stored = rows[0]["k"]
    assert all(secret not in str(v) for v in stored.values())
    assert len(stored["salt"]) == 32 and len(stored["hash"]) == 64


async def test_meta_fields_are_public(api: httpx.AsyncClient) -> None:
    body = await gql(api, "{ __typename }")
    assert body["data"] == {"__typename": "Query"}
