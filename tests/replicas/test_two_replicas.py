"""Two API replicas (two uvicorn processes) on one graph and one real Redis.

What must hold past one machine: the rate limit and the work budget are global, a key revoked on one replica is
refused by the other within a second, an analysis made on one is reused by the other, a
write through one is read through the other (and invalidates the other's cached analyses),
and losing Redis degrades to per-process state with a warning and a metric, never an error.

The replicas trust a verified key for 300 s (``key_cache_seconds``): only Redis can make
the second one forget a revoked key in time. The tests run in file order; the last one
stops Redis.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from teamcredit.settings import Settings
from tests.support.api import LiveServer, env_for, make_key
from tests.support.graph_server import GraphServer
from tests.support.redis_server import RedisServer

PER_MINUTE, BURST = 60, 10  # 10 requests in 10 s, per key, across the replicas
WORK_PER_MINUTE = 1_000  # cost units a minute, per key, across the replicas
# 401 cost units (api/cost.py, checked below): two fit in a minute's budget, three do not.
COSTLY = "{ people(first: 100) { edges { node { id name } } } }"


class Cluster:
    def __init__(self, graph: GraphServer, redis: RedisServer, a: LiveServer, b: LiveServer):
        self.graph, self.redis, self.a, self.b = graph, redis, a, b

    def key(self, name: str, scopes: tuple[str, ...] = ("analyze", "read", "write")) -> str:
        return make_key(self.graph.uri, self.graph.password, scopes, name)


def seed(graph: GraphServer) -> None:
    """Before the replicas start (their caches are empty): an author, a project, a contributor."""
    import asyncio

    from teamcredit.graph.client import GraphClient
    from teamcredit.services.document import parse_document
    from teamcredit.services.importer import Importer

    doc = parse_document(
        {
            "people": [
                {"id": "rp-ana", "name": "Ana Lima"},
                {"id": "rp-bo", "name": "Bo Chen"},
                {"id": "rp-cy", "name": "Cy Okafor"},
            ],
            "projects": [{"id": "rp-zephyr", "name": "Zephyr"}],
            "contributions": [{"personId": "rp-bo", "projectId": "rp-zephyr"}],
        }
    )

    async def run() -> None:
        client = GraphClient(graph.uri, "root", graph.password, "neo4j", timeout=30)
        try:
            await Importer(client).run(doc)
        finally:
            await client.close()

    asyncio.run(run())


@pytest.fixture(scope="module")
def cluster(
    graph_server: GraphServer, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Cluster]:
    logs = tmp_path_factory.mktemp("replicas")
    seed(graph_server)
    redis = RedisServer(logs)
    redis.start()
    env = {
        **env_for(settings),
        "TEAMCREDIT_REDIS_URL": redis.url,
        "TEAMCREDIT_RATE_LIMIT_PER_MINUTE": str(PER_MINUTE),
        "TEAMCREDIT_RATE_LIMIT_BURST": str(BURST),
        "TEAMCREDIT_COST_BUDGET_PER_MINUTE": str(WORK_PER_MINUTE),
        "TEAMCREDIT_KEY_CACHE_SECONDS": "300",
        "TEAMCREDIT_ANALYSIS_CACHE_SECONDS": "300",
        "TEAMCREDIT_LOG_LEVEL": "info",
    }
    a = LiveServer(env, logs / "a.log")
    b = LiveServer(env, logs / "b.log")
    try:
        a.start()
        b.start()
        yield Cluster(graph_server, redis, a, b)
    finally:
        a.stop()
        b.stop()
        redis.stop()


def post(
    server: LiveServer, key: str, query: str, variables: dict[str, Any] | None = None
) -> httpx.Response:
    return httpx.post(
        server.base_url + "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"authorization": f"Bearer {key}"},
        timeout=10,
    )


def data(server: LiveServer, key: str, query: str, variables: dict[str, Any] | None = None) -> Any:
    response = post(server, key, query, variables)
    body = response.json()
    assert response.status_code == 200 and not body.get("errors"), body
    return body["data"]


def metric(server: LiveServer, key: str, name: str, **labels: str) -> float:
    """One sample of the replica's /metrics (0 when absent), read with a metrics-scoped key."""
    headers = {"authorization": f"Bearer {key}"}
    response = httpx.get(server.base_url + "/metrics", headers=headers, timeout=5)
    assert response.status_code == 200, response.text
    text = response.text
    for found in re.finditer(rf"^{re.escape(name)}(?:\{{(.*?)\}})? (\S+)$", text, re.M):
        have = dict(re.findall(r'(\w+)="([^"]*)"', found.group(1) or ""))
        if have == labels:
            return float(found.group(2))
    return 0.0


def test_the_rate_limit_is_global(cluster: Cluster) -> None:
    key = cluster.key("rate")
    statuses = [
        post(server, key, "{ __typename }").status_code for server in (cluster.a, cluster.b) * BURST
    ]
    # Alone, each replica would allow BURST: 12 answers. Together they allow BURST.
    assert statuses[:BURST] == [200] * BURST
    assert statuses[BURST:] == [429] * BURST


def costly_request_cost() -> int:
    from teamcredit.api.cost import request_cost
    from teamcredit.api.schema import build_schema

    return request_cost(build_schema(False)._schema, COSTLY, None, None)


def assert_out_of_work_budget(response: httpx.Response) -> None:
    """The documented refusal (docs/security.md): 429, RATE_LIMITED, Retry-After."""
    assert response.status_code == 429, response.text
    error = response.json()["errors"][0]
    assert error["extensions"]["code"] == "RATE_LIMITED"
    assert "work budget" in error["message"]
    assert 1 <= int(response.headers["retry-after"]) <= 60
    assert error["extensions"]["retryAfter"] >= 1


def test_the_work_budget_is_global(cluster: Cluster) -> None:
    assert 2 * costly_request_cost() <= WORK_PER_MINUTE < 3 * costly_request_cost()
    key = cluster.key("work")
    # Spent on A; alone, B would have a whole budget for this key.
    assert [post(cluster.a, key, COSTLY).status_code for _ in range(2)] == [200, 200]
    assert_out_of_work_budget(post(cluster.b, key, COSTLY))
    assert_out_of_work_budget(post(cluster.a, key, COSTLY))
    assert post(cluster.b, key, "{ __typename }").status_code == 200  # 1 unit still fits


def test_a_key_revoked_on_one_replica_is_refused_by_the_other_within_a_second(
    cluster: Cluster,
) -> None:
    admin = cluster.key("admin", ("admin",))
    doomed = cluster.key("doomed")
    key_id = doomed.split("_")[1]
    assert data(cluster.b, doomed, "{ __typename }")  # B now trusts it for 300 s
    data(cluster.a, admin, "mutation($id: ID!) { revokeApiKey(id: $id) { id } }", {"id": key_id})
    revoked_at = time.monotonic()
    query = '{ culture(country: "JP") { country } }'  # needs the analyze scope
    while True:
        body = post(cluster.b, doomed, query).json()
        if body.get("errors"):
            break
        assert time.monotonic() - revoked_at < 1.0, "replica B still accepts the revoked key"
        time.sleep(0.02)
    assert time.monotonic() - revoked_at < 1.0
    assert body["errors"][0]["extensions"]["code"] in ("UNAUTHENTICATED", "FORBIDDEN")


ANALYZE = """
query($input: PostInput!) {
  analyzePost(input: $input) { degraded credit { person { id } reason } }
}
"""


def credited(server: LiveServer, key: str, text: str) -> list[str]:
    result = data(server, key, ANALYZE, {"input": {"text": text, "authorId": "rp-ana"}})
    assert result["analyzePost"]["degraded"] is False
    return sorted(c["person"]["id"] for c in result["analyzePost"]["credit"])


def test_writes_cross_replicas_and_the_analysis_cache_is_shared(cluster: Cluster) -> None:
    key = cluster.key("cache", ("analyze", "read", "write", "metrics"))
    a, b = cluster.a, cluster.b
    # Written through A, read through B.
    data(a, key, 'mutation { upsertPerson(input: {id: "rp-dee", name: "Dee Ruiz"}) { id } }')
    assert data(b, key, '{ person(id: "rp-dee") { name } }')["person"]["name"] == "Dee Ruiz"

    text = "Thrilled to announce that I shipped Zephyr this week!"
    assert credited(b, key, text) == ["rp-bo"]

    # Analysed (and cached) by B: A answers the same request from the shared cache (the
    # whole answer), and another selection of the same post from the cached analysis.
    def hits(kind: str) -> float:
        return metric(
            a, key, "teamcredit_analysis_cache_total", store="redis", kind=kind, outcome="hit"
        )

    before = hits("response"), hits("analysis")
    assert credited(a, key, text) == ["rp-bo"]
    assert hits("response") == before[0] + 1
    other = data(
        a,
        key,
        "query($i: PostInput!) { analyzePost(input: $i) { suggestedPhrasing } }",
        {"i": {"text": text, "authorId": "rp-ana"}},
    )
    assert "Bo Chen" in other["analyzePost"]["suggestedPhrasing"]
    assert hits("analysis") == before[1] + 1

    # A write through A changes the organisation: B's cached answer is not served again.
    data(
        a, key, 'mutation { addContribution(personId: "rp-cy", projectId: "rp-zephyr") { weight } }'
    )
    assert credited(b, key, text) == ["rp-bo", "rp-cy"]


def test_losing_redis_degrades_to_per_process_state_never_an_error(cluster: Cluster) -> None:
    key = cluster.key("no-redis", ("analyze", "read", "write", "metrics"))
    cluster.redis.stop()
    a, b = cluster.a, cluster.b
    text = "We shipped Zephyr together, thanks to everyone"
    statuses = []
    for server in (a, b) * BURST:
        response = post(server, key, ANALYZE, {"input": {"text": text, "authorId": "rp-ana"}})
        statuses.append(response.status_code)
        assert not response.json().get("errors"), response.json()
    # Per process now: each replica allows its own BURST.
    assert statuses == [200] * (2 * BURST)
    assert post(a, key, "{ __typename }").status_code == 429
    for server in (a, b):
        assert metric(server, key, "teamcredit_shared_state_up") == 0.0
        uses = ("rate_limit", "revocation", "cache", "generation")
        errors = sum(
            metric(server, key, "teamcredit_shared_state_errors_total", use=u) for u in uses
        )
        assert errors >= 1
        assert "shared_state.degraded" in Path(server.log).read_text()


def test_without_redis_each_replica_keeps_its_own_work_budget(cluster: Cluster) -> None:
    """After the test above: Redis is stopped."""
    key = cluster.key("work-no-redis", ("read", "metrics"))
    a, b = cluster.a, cluster.b
    assert [post(a, key, COSTLY).status_code for _ in range(2)] == [200, 200]
    assert_out_of_work_budget(post(a, key, COSTLY))
    # Per process now: B has its own budget for the key.
    assert [post(b, key, COSTLY).status_code for _ in range(2)] == [200, 200]
    assert_out_of_work_budget(post(b, key, COSTLY))
    # (The request's rate-limit admission meets the failed Redis first: within retry_seconds
    # of it, the charge does not try Redis again, so its own error count may stay 0.)
    for server in (a, b):
        assert metric(server, key, "teamcredit_shared_state_up") == 0.0
