"""Issue 15, finding 3: during a graph outage only recently verified keys work.

The reproduction: with the graph down, 140 invented well-formed keys each got `analyze`
(and a rate-limit bucket of their own).
"""

from __future__ import annotations

import secrets
from pathlib import Path

from teamcredit.errors import GraphUnavailable
from teamcredit.graph.client import GraphClient
from teamcredit.graph.embedded import free_port
from teamcredit.graph.keys import ApiKeyRepository
from teamcredit.services.keys import KeyService
from teamcredit.settings import Settings
from tests.support.api import asgi_client, codes
from tests.support.graph_server import GraphServer

ANALYZE = '{ analyzePost(input: {text: "I led the launch"}) { degraded } }'


def _invented() -> str:
    return f"tc_{secrets.token_hex(8)}_{secrets.token_urlsafe(32)}"


async def test_invented_keys_get_graph_unavailable_during_an_outage(
    settings: Settings, tmp_path: Path
) -> None:
    down = settings.model_copy(
        update={"neo4j_uri": f"bolt://127.0.0.1:{free_port()}", "data_dir": tmp_path}
    )
    async with asgi_client(down) as api:
        for _ in range(20):
            response = await api.post(
                "/graphql",
                json={"query": ANALYZE},
                headers={"authorization": f"Bearer {_invented()}"},
            )
            body = response.json()
            assert codes(body) == ["GRAPH_UNAVAILABLE"], body
            assert body["data"] is None and response.status_code == 503
        assert (await api.get("/healthz")).status_code == 200


async def test_only_recently_verified_keys_outlive_the_graph(tmp_path: Path) -> None:
    graph = GraphServer(tmp_path / "graph")
    graph.start()
    now = [1000.0]
    client = GraphClient(graph.uri, "root", graph.password, "neo4j", timeout=2)
    try:
        from teamcredit.graph.schema import apply_schema

        await apply_schema(client)
        keys = KeyService(
            ApiKeyRepository(client), fresh_seconds=5, outage_seconds=60, clock=lambda: now[0]
        )
        issued = await keys.create("laptop", ("analyze",))
        assert (await keys.verify(issued.secret)) is not None
        graph.kill()
        now[0] += 30  # past the freshness window: the graph is asked, and is down
        known = await keys.verify(issued.secret)
        assert known is not None and known.scopes == frozenset({"analyze"})
        try:
            await keys.verify(_invented())
        except GraphUnavailable:
            pass
        else:
            raise AssertionError("an invented key was accepted during the outage")
        now[0] += 60  # verified too long ago to vouch for it now
        try:
            await keys.verify(issued.secret)
        except GraphUnavailable:
            pass
        else:
            raise AssertionError("a key verified long ago was accepted during the outage")
    finally:
        await client.close()
        graph.stop()
