"""The GraphQL API in-process (ASGI) against the real graph."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from teamcredit.services.container import Services
from teamcredit.settings import Settings
from tests.conftest import wipe_graph
from tests.support.api import asgi_client, codes, gql
from tests.support.cypher import COUNT_LABEL


@pytest.fixture
async def api(
    settings: Settings, services: Services, full_key: str
) -> AsyncIterator[httpx.AsyncClient]:
    await wipe_graph(services)
    async with asgi_client(settings, full_key) as client:
        yield client


async def _count(client: httpx.AsyncClient, label: str) -> int:
    services: Services = client.app.state.services  # type: ignore[attr-defined]
    return int((await services.client.read(COUNT_LABEL[label]))[0]["c"])


UPSERT_PERSON = """
mutation($input: PersonInput!) { upsertPerson(input: $input) { id name handle } }
"""


async def test_upsert_and_query_team_with_members(api: httpx.AsyncClient) -> None:
    await gql(api, 'mutation { upsertOrganization(input: {id: "org-1", name: "Acme"}) { id } }')
    await gql(
        api,
        'mutation { upsertTeam(input: {id: "t-1", name: "Platform", organizationId: "org-1"}) { id } }',
    )
    body = await gql(
        api,
        UPSERT_PERSON,
        {"input": {"id": "p-1", "name": "Ada", "handle": "https://www.linkedin.com/in/Ada-L/"}},
    )
    assert body["data"]["upsertPerson"]["handle"] == "ada-l"
    await gql(
        api, 'mutation { addMembership(personId: "p-1", teamId: "t-1", role: "lead") { role } }'
    )
    body = await gql(
        api,
        "{ teams(first: 10) { totalCount edges { node { name organization { name } "
        "members { role person { name } } } } } }",
    )
    teams = body["data"]["teams"]
    assert teams["totalCount"] == 1
    node = teams["edges"][0]["node"]
    assert node["organization"]["name"] == "Acme"
    assert node["members"] == [{"role": "lead", "person": {"name": "Ada"}}]


async def test_page_of_people_costs_a_fixed_number_of_round_trips(api: httpx.AsyncClient) -> None:
    services: Services = api.app.state.services  # type: ignore[attr-defined]
    for t in range(5):
        await gql(
            api, f'mutation {{ upsertTeam(input: {{id: "t-{t}", name: "Team {t}"}}) {{ id }} }}'
        )
    for i in range(100):
        await gql(api, UPSERT_PERSON, {"input": {"id": f"p-{i:03d}", "name": f"P {i}"}})
        await gql(
            api,
            f'mutation {{ addMembership(personId: "p-{i:03d}", teamId: "t-{i % 5}") {{ role }} }}',
        )
    statements: list[str] = []

    def listener(query: str, _seconds: float, _ok: bool) -> None:
        if "ApiKey" not in query:  # the key check is per request, not per page
            statements.append(query)

    query = (
        "query($n: Int!) { people(first: $n) { totalCount edges { node { name "
        "memberships { role team { name } } } } } }"
    )
    trips = {}
    for size in (10, 100):
        statements.clear()
        services.client.add_listener(listener)
        try:
            body = await gql(api, query, {"n": size})
        finally:
            services.client.remove_listener(listener)
        assert len(body["data"]["people"]["edges"]) == size
        trips[size] = len(statements)
    # count + page + memberships + teams, whatever the page size
    assert trips[10] == trips[100] == 4


@pytest.mark.parametrize(
    ("mutation", "code"),
    [
        ('upsertPerson(input: {id: "p-x", name: "   "}) { id }', "BAD_USER_INPUT"),
        ('upsertPerson(input: {id: "", name: "X"}) { id }', "BAD_USER_INPUT"),
        ('upsertPerson(input: {id: "p-x", name: "' + "x" * 10_000 + '"}) { id }', "BAD_USER_INPUT"),
        ('upsertPerson(input: {id: "p-x", name: "X", country: "France"}) { id }', "BAD_USER_INPUT"),
        (
            'upsertPerson(input: {id: "p-x", name: "X", aliases: ["Y", " "]}) { id }',
            "BAD_USER_INPUT",
        ),
        (
            'upsertPerson(input: {id: "p-x", name: "X", aliases: ['
            + ", ".join(f'"X{i}"' for i in range(11))
            + "]}) { id }",
            "BAD_USER_INPUT",
        ),
        (
            'upsertTeam(input: {id: "t-x", name: "X", organizationId: "org-nope"}) { id }',
            "NOT_FOUND",
        ),
        ('addMembership(personId: "p-nope", teamId: "t-nope") { role }', "NOT_FOUND"),
        ('addContribution(personId: "p-nope", projectId: "pr-nope") { role }', "NOT_FOUND"),
        ('erasePerson(id: "p-nope")', "NOT_FOUND"),
    ],
)
async def test_bad_input_is_a_clear_error_and_writes_nothing(
    api: httpx.AsyncClient, mutation: str, code: str
) -> None:
    body = await gql(api, "mutation { " + mutation + " }", expect_errors=True)
    assert codes(body) == [code]
    assert body["errors"][0]["message"]
    for label in ("Person", "Team"):
        assert await _count(api, label) == 0


async def test_a_persons_aliases_are_written_and_read(api: httpx.AsyncClient) -> None:
    aliases = ["Kenta Tanaka", "タナカ ケンタ", "kenta tanaka", "田中 健太"]
    body = await gql(
        api,
        "mutation($input: PersonInput!) { upsertPerson(input: $input) { aliases } }",
        {"input": {"id": "p-kenta", "name": "田中 健太", "aliases": aliases}},
    )
    # Repeats of the name or of another alias are dropped, not refused.
    assert body["data"]["upsertPerson"]["aliases"] == ["Kenta Tanaka", "タナカ ケンタ"]
    body = await gql(api, '{ person(id: "p-kenta") { name aliases } }')
    assert body["data"]["person"] == {
        "name": "田中 健太",
        "aliases": ["Kenta Tanaka", "タナカ ケンタ"],
    }
    # A search finds them by an alias too.
    for search in ("kenta", "タナカ"):
        body = await gql(
            api, "query($s: String) { people(search: $s) { totalCount } }", {"s": search}
        )
        assert body["data"]["people"]["totalCount"] == 1, search


async def test_invalid_cursor_is_bad_user_input(api: httpx.AsyncClient) -> None:
    body = await gql(
        api, '{ people(first: 5, after: "garbage") { totalCount } }', expect_errors=True
    )
    assert codes(body) == ["BAD_USER_INPUT"]


async def test_node_resolves_each_aggregate(api: httpx.AsyncClient) -> None:
    await gql(api, UPSERT_PERSON, {"input": {"id": "p-n", "name": "Noor"}})
    body = await gql(api, '{ node(id: "p-n") { id ... on Person { name } } }')
    assert body["data"]["node"] == {"id": "p-n", "name": "Noor"}
    body = await gql(api, '{ node(id: "nothing") { id } }')
    assert body["data"]["node"] is None


GRAPHQL_RESPONSE = "application/graphql-response+json"


@pytest.mark.parametrize(
    ("accept", "negotiated"),
    [
        (GRAPHQL_RESPONSE, True),
        (f"{GRAPHQL_RESPONSE}, application/json;q=0.9", True),
        (f"application/json, {GRAPHQL_RESPONSE};q=0.5", False),
        ("application/json", False),
        ("*/*", False),
        (None, False),
        (f"{GRAPHQL_RESPONSE};q=0", False),
    ],
)
async def test_media_type_is_negotiated(
    api: httpx.AsyncClient, accept: str | None, negotiated: bool
) -> None:
    headers = {"accept": accept} if accept else {}
    ok = await api.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
    assert ok.status_code == 200
    expected = GRAPHQL_RESPONSE if negotiated else "application/json"
    assert ok.headers["content-type"].split(";")[0] == expected
    assert ok.json()["data"] == {"__typename": "Query"}
    for broken in ("{ people(first: ", "{ noSuchField }", "query($n: Int!) { __typename }"):
        bad = await api.post("/graphql", json={"query": broken}, headers=headers)
        body = bad.json()
        assert body["errors"]
        if negotiated:  # never executed: 400, and no data entry at all
            assert bad.status_code == 400 and "data" not in body, (broken, body)
        else:  # the legacy media type: 200 with an errors array
            assert bad.status_code == 200, (broken, body)


async def test_a_field_error_is_still_200_with_data(api: httpx.AsyncClient) -> None:
    response = await api.post(
        "/graphql",
        json={"query": '{ people(first: 5, after: "garbage") { totalCount } }'},
        headers={"accept": GRAPHQL_RESPONSE},
    )
    body = response.json()
    assert response.status_code == 200 and "data" in body
    assert codes(body) == ["BAD_USER_INPUT"]
