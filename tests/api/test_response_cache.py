"""Whole analyzePost answers are reused, per request body and scopes, until the graph changes."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest
from prometheus_client import REGISTRY

from teamcredit.api.response_cache import cacheable_query
from teamcredit.services.container import Services
from teamcredit.settings import Settings
from tests.conftest import wipe_graph
from tests.support.api import asgi_client, gql


@pytest.mark.parametrize(
    ("query", "ok"),
    [
        ('{ analyzePost(input: {text: "x"}) { degraded } }', True),
        ('query Q { culture(country: "JP") { summary } __typename }', True),
        ('mutation { ingestPost(input: {text: "x"}) { id } }', False),
        ('{ analyzePost(input: {text: "x"}) { degraded } people { totalCount } }', False),
        ('{ ...F } fragment F on Query { analyzePost(input: {text: "x"}) { degraded } }', False),
        ("{ analyzePost(", False),
    ],
)
def test_only_pure_analysis_queries_are_cacheable(query: str, ok: bool) -> None:
    body = json.dumps({"query": query}).encode()
    assert cacheable_query(body) is ok


def hits(kind: str, outcome: str) -> float:
    labels = {"store": "process", "kind": kind, "outcome": outcome}
    return REGISTRY.get_sample_value("teamcredit_analysis_cache_total", labels) or 0.0


@pytest.fixture
async def api(
    settings: Settings, services: Services, full_key: str
) -> AsyncIterator[httpx.AsyncClient]:
    await wipe_graph(services)
    cached = settings.model_copy(update={"analysis_cache_seconds": 60})
    async with asgi_client(cached, full_key) as client:
        yield client


ANALYZE = '{ analyzePost(input: {text: "I shipped Atlas", authorId: "rc-ana"}) { credit { person { id } } } }'


async def test_a_repeated_analysis_is_answered_from_the_cache_until_a_write(
    api: httpx.AsyncClient,
) -> None:
    await gql(api, 'mutation { upsertPerson(input: {id: "rc-ana", name: "Ana"}) { id } }')
    await gql(api, 'mutation { upsertPerson(input: {id: "rc-bo", name: "Bo"}) { id } }')
    await gql(api, 'mutation { upsertProject(input: {id: "rc-atlas", name: "Atlas"}) { id } }')
    await gql(
        api, 'mutation { addContribution(personId: "rc-bo", projectId: "rc-atlas") { weight } }'
    )
    first = await api.post("/graphql", json={"query": ANALYZE})
    before = hits("response", "hit")
    second = await api.post("/graphql", json={"query": ANALYZE})
    assert hits("response", "hit") == before + 1
    assert second.content == first.content
    assert second.json()["data"]["analyzePost"]["credit"] == [{"person": {"id": "rc-bo"}}]

    # A write is a new generation: the next answer is computed again and sees it.
    await gql(api, 'mutation { upsertPerson(input: {id: "rc-cy", name: "Cy"}) { id } }')
    await gql(
        api, 'mutation { addContribution(personId: "rc-cy", projectId: "rc-atlas") { weight } }'
    )
    misses = hits("response", "miss")
    third = await api.post("/graphql", json={"query": ANALYZE})
    assert hits("response", "miss") == misses + 1
    credit = sorted(c["person"]["id"] for c in third.json()["data"]["analyzePost"]["credit"])
    assert credit == ["rc-bo", "rc-cy"]
