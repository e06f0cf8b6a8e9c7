"""Faults: the graph killed under writes, missing at start, and frozen mid-request."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from teamcredit.graph.client import GraphClient
from teamcredit.graph.embedded import free_port
from tests.support.api import LiveServer, make_key
from tests.support.graph_server import GraphServer

INGEST = "mutation($i: PostInput!) { ingestPost(input: $i) { id urn } }"
ANALYZE = (
    '{ analyzePost(input: {text: "Thrilled to announce I led the launch!", readerCountry: "JP"}) '
    "{ degraded credit { score } framing { orientation } culture { summary } } }"
)
TEAMS = "{ teams(first: 5) { totalCount } }"
GRAPH_TIMEOUT = 1.5  # each statement's budget in the API under test (seconds)


def _env(graph_uri: str, password: str, data: Path) -> dict[str, str]:
    return {
        "TEAMCREDIT_NEO4J_URI": graph_uri,
        "TEAMCREDIT_NEO4J_USER": "root",
        "TEAMCREDIT_NEO4J_PASSWORD": password,
        "TEAMCREDIT_DATA_DIR": str(data),
        "TEAMCREDIT_GRAPH_TIMEOUT": str(GRAPH_TIMEOUT),
        "TEAMCREDIT_RATE_LIMIT_PER_MINUTE": "1000000",
        "TEAMCREDIT_RATE_LIMIT_BURST": "100000",
        "TEAMCREDIT_LOG_LEVEL": "warning",
    }


@pytest.fixture
def graph(tmp_path: Path) -> Iterator[GraphServer]:
    server = GraphServer(tmp_path / "graph")
    server.start()
    yield server
    server.stop()


def _post(
    server: LiveServer,
    key: str,
    query: str,
    variables: dict[str, object] | None = None,
    timeout: float = 15.0,
) -> httpx.Response:
    return httpx.post(
        server.base_url + "/graphql",
        json={"query": query, "variables": variables or {}},
        headers={"authorization": f"Bearer {key}"},
        timeout=timeout,
    )


async def _urn_counts(graph: GraphServer) -> dict[str, int]:
    client = GraphClient(graph.uri, "root", graph.password, "neo4j", timeout=30)
    try:
        rows = await client.read("MATCH (p:Post) RETURN p.urn AS urn, count(*) AS c")
    finally:
        await client.close()
    return {r["urn"]: int(r["c"]) for r in rows}


def _wait_until(condition: Callable[[], bool], seconds: float, what: str) -> None:
    """Polls ``condition`` until it holds; the deadline is sized for a loaded 2-core machine,
    where the graph's JVM and the API share the CPU with other test runs."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"{what} (waited {seconds:.0f} s)"
        time.sleep(0.1)


def test_acknowledged_writes_survive_a_killed_graph(graph: GraphServer, tmp_path: Path) -> None:
    key = make_key(graph.uri, graph.password, ("write", "read"))
    server = LiveServer(_env(graph.uri, graph.password, tmp_path / "api"), tmp_path / "api.log")
    server.start()
    acknowledged: list[str] = []
    attempted: list[str] = []
    refused: list[str] = []  # answered without an acknowledgement (the graph was down)
    stop = threading.Event()

    def writer(worker: int) -> None:
        n = 0
        while not stop.is_set():
            urn = f"urn:li:activity:{worker}{n:09d}"
            n += 1
            attempted.append(urn)
            try:
                body = _post(
                    server,
                    key,
                    INGEST,
                    {"i": {"text": f"We shipped part {n} together", "urn": urn}},
                ).json()
            except httpx.HTTPError:
                refused.append(urn)
                continue
            if body.get("data") and body["data"].get("ingestPost"):
                acknowledged.append(urn)
            else:
                refused.append(urn)

    writers = [threading.Thread(target=writer, args=(w,)) for w in range(1, 4)]
    try:
        for w in writers:
            w.start()
        # Conditions, not sleeps: on a loaded machine a fixed 3 s could see no write yet, and
        # a fixed 6 s after the restart could end before the API was back.
        _wait_until(lambda: len(acknowledged) > 5, 60, "the stream was running before the kill")
        refused_before = len(refused)
        graph.kill()
        # Writes answered without an acknowledgement: the outage reached the API mid-stream.
        _wait_until(
            lambda: len(refused) >= refused_before + 3, 60, "the API noticed the killed graph"
        )
        graph.start()
        after_restart = len(acknowledged)
        _wait_until(
            lambda: len(acknowledged) >= after_restart + 5, 60, "writes resumed after the restart"
        )
    finally:
        stop.set()
        for w in writers:
            w.join(timeout=30)
        server.stop()
    counts = asyncio.run(_urn_counts(graph))
    missing = [u for u in acknowledged if u not in counts]
    assert not missing, f"{len(missing)} acknowledged writes lost, e.g. {missing[:3]}"
    assert all(c == 1 for c in counts.values()), "a post was written twice"
    assert set(counts) <= set(attempted)


def test_api_starts_without_graph_and_becomes_ready(tmp_path: Path) -> None:
    graph = GraphServer(tmp_path / "late-graph")
    graph.port = free_port()
    # The credentials exist before the server does, as they would for a configured Neo4j.
    graph.data_dir.mkdir(parents=True)
    (graph.data_dir / "graph-credentials.json").write_text(
        '{"user": "root", "password": "pw-late-graph-123"}'
    )
    server = LiveServer(_env(graph.uri, graph.password, tmp_path / "api"), tmp_path / "api.log")
    server.start()
    try:
        assert httpx.get(server.base_url + "/healthz").status_code == 200
        assert httpx.get(server.base_url + "/readyz", timeout=5).status_code == 503
        # No key can be checked before the graph is first reached: an invented one is not
        # given a provisional identity (issue 15), it gets GRAPH_UNAVAILABLE, fast.
        started = time.monotonic()
        for query in (ANALYZE, TEAMS):
            denied = _post(server, "tc_0123456789abcdef_" + "k" * 43, query)
            assert denied.status_code == 503
            assert [e["extensions"]["code"] for e in denied.json()["errors"]] == [
                "GRAPH_UNAVAILABLE"
            ]
        assert time.monotonic() - started < 2.0
        graph.start()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if httpx.get(server.base_url + "/readyz", timeout=5).status_code == 200:
                break
            time.sleep(0.5)
        assert httpx.get(server.base_url + "/readyz").status_code == 200
        key = make_key(graph.uri, graph.password, ("analyze",))
        assert _post(server, key, ANALYZE).json()["data"]["analyzePost"]["degraded"] is False
    finally:
        server.stop()
        graph.stop()


def test_frozen_graph_times_out_and_never_hangs(graph: GraphServer, tmp_path: Path) -> None:
    key = make_key(graph.uri, graph.password, ("read", "analyze", "metrics"))
    server = LiveServer(_env(graph.uri, graph.password, tmp_path / "api"), tmp_path / "api.log")
    server.start()
    try:
        assert "errors" not in _post(server, key, TEAMS).json()
        graph.pause()
        started = time.monotonic()
        body = _post(server, key, TEAMS, timeout=20).json()
        elapsed = time.monotonic() - started
        assert [e["extensions"]["code"] for e in body["errors"]] == ["GRAPH_UNAVAILABLE"]
        assert elapsed < 5.0
        started = time.monotonic()
        analysis = _post(server, key, ANALYZE, timeout=20).json()["data"]["analyzePost"]
        assert analysis["degraded"] is True
        # It waited for the frozen graph once at most: a second statement left to its own
        # timeout (or no timeout at all) takes two budgets or more. The margin is the rest
        # of the request: 0.87 s on a loaded 2-core machine, where a 2.0 s bound failed.
        assert time.monotonic() - started < 2 * GRAPH_TIMEOUT
        graph.resume()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            body = _post(server, key, TEAMS).json()
            if "errors" not in body:
                break
            time.sleep(0.5)
        assert "errors" not in body
        metrics = httpx.get(
            server.base_url + "/metrics", headers={"authorization": f"Bearer {key}"}
        ).text
        assert 'teamcredit_graph_round_trips_total{outcome="ok"}' in metrics
        assert "teamcredit_degraded_answers_total" in metrics
    finally:
        graph.resume()
        server.stop()
