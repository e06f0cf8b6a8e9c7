"""A real uvicorn process over HTTP, and what it does when the graph goes away and comes back."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.api import LiveServer, make_key
from tests.support.graph_server import GraphServer

ANALYZE = {
    "query": '{ analyzePost(input: {text: "Thrilled to announce I led the launch!", '
    'readerCountry: "JP"}) { degraded credit { score } framing { orientation } '
    "culture { summary } } }"
}
TEAMS = {"query": "{ teams(first: 10) { totalCount edges { node { name } } } }"}


@pytest.fixture(scope="module")
def own_graph(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphServer]:
    """A graph server of this module's own, since the tests stop and restart it."""
    server = GraphServer(tmp_path_factory.mktemp("own-graph"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def live(own_graph: GraphServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data = tmp_path_factory.mktemp("live-data")
    server = LiveServer(
        {
            "TEAMCREDIT_NEO4J_URI": own_graph.uri,
            "TEAMCREDIT_NEO4J_USER": "root",
            "TEAMCREDIT_NEO4J_PASSWORD": own_graph.password,
            "TEAMCREDIT_DATA_DIR": str(data),
            "TEAMCREDIT_GRAPH_TIMEOUT": "1.5",
        },
        Path(data) / "server.log",
    )
    server.start()
    server.key = make_key(own_graph.uri, own_graph.password, ("read", "analyze", "metrics"))  # type: ignore[attr-defined]
    yield server
    server.stop()


def auth(live: LiveServer) -> dict[str, str]:
    return {"authorization": f"Bearer {live.key}"}  # type: ignore[attr-defined]


def post(live: LiveServer, body: dict[str, object], timeout: float = 10) -> httpx.Response:
    headers = {"authorization": f"Bearer {live.key}"}  # type: ignore[attr-defined]
    return httpx.post(live.base_url + "/graphql", json=body, headers=headers, timeout=timeout)


def test_http_round_trip_and_probes(live: LiveServer) -> None:
    response = post(live, TEAMS)
    assert response.status_code == 200
    assert response.json()["data"]["teams"]["totalCount"] >= 0
    assert response.headers["x-request-id"]
    assert httpx.get(live.base_url + "/healthz").json() == {"status": "ok"}
    assert httpx.get(live.base_url + "/readyz").status_code == 200
    # The server runs the analyser compiled, as installed (TEAMCREDIT_PURE_PYTHON=1: not).
    compiled = "0.0" if os.environ.get("TEAMCREDIT_PURE_PYTHON") == "1" else "1.0"
    metrics = httpx.get(live.base_url + "/metrics", headers=auth(live)).text
    assert f"teamcredit_analyser_compiled {compiled}" in metrics


def test_graph_down_then_back(live: LiveServer, own_graph: GraphServer) -> None:
    own_graph.stop()
    try:
        started = time.monotonic()
        body = post(live, TEAMS).json()
        elapsed = time.monotonic() - started
        assert [e["extensions"]["code"] for e in body["errors"]] == ["GRAPH_UNAVAILABLE"]
        assert elapsed < 2.0
        ready = httpx.get(live.base_url + "/readyz", timeout=5)
        assert ready.status_code == 503
        assert ready.json()["reason"] == "graph unreachable"
        started = time.monotonic()
        analysis = post(live, ANALYZE).json()["data"]["analyzePost"]
        assert time.monotonic() - started < 2.0
        assert analysis["degraded"] is True and analysis["credit"] == []
        assert analysis["framing"]["orientation"] == "INDIVIDUAL"
        assert analysis["culture"]["summary"]
        metrics = httpx.get(live.base_url + "/metrics", headers=auth(live)).text
        assert "teamcredit_degraded_answers_total 1.0" in metrics
    finally:
        own_graph.start()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        body = post(live, TEAMS).json()
        if "errors" not in body:
            break
        time.sleep(0.5)
    assert "errors" not in body, body
    assert httpx.get(live.base_url + "/readyz").status_code == 200
    assert post(live, ANALYZE).json()["data"]["analyzePost"]["degraded"] is False


def test_recognition_counts_mixed_signals_apart_over_http(
    live: LiveServer, own_graph: GraphServer
) -> None:
    """Posts written through the live server: the one with mixed signals counts in no
    orientation, and apart (graph/recognition.py)."""
    key = make_key(own_graph.uri, own_graph.password, ("read", "write"), "mixed-signals")

    def call(query: str, variables: dict[str, object] | None = None) -> dict[str, object]:
        body: dict[str, object] = httpx.post(
            live.base_url + "/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"authorization": f"Bearer {key}"},
            timeout=10,
        ).json()
        assert "errors" not in body, body
        return body

    stats = (
        "{ recognitionReport { stats { posts individual balanced collective mixedSignals "
        "notJudged } } }"
    )
    before = call(stats)["data"]["recognitionReport"]["stats"]  # type: ignore[index]
    call('mutation { upsertPerson(input: {id: "p-mixed", name: "Mia Mixed"}) { id } }')
    ingest = "mutation($input: PostInput!) { ingestPost(input: $input) { id } }"
    for text in ("I built the new parser myself, proud of my work.", "Launch today."):
        call(ingest, {"input": {"text": text, "authorId": "p-mixed", "language": "en"}})
    after = call(stats)["data"]["recognitionReport"]["stats"]  # type: ignore[index]
    added = {k: after[k] - before[k] for k in after}
    assert added == {
        "posts": 2,
        "individual": 1,
        "balanced": 0,
        "collective": 0,
        "mixedSignals": 1,
        "notJudged": 0,  # written now, so judged
    }
