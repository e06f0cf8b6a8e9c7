"""The first costly request after start: the work lane's workers are not running yet, and
starting them (two interpreters, over 30 s on a loaded 2-core machine) must not spend the
request's own time budget. The request waits for them with its budget standing still, and
the event loop stays free meanwhile."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from teamcredit.api.cost import request_cost
from teamcredit.api.limits import LANE_COST
from teamcredit.api.schema import build_schema
from teamcredit.settings import Settings
from tests.support.api import LiveServer, codes, env_for, make_key

BATCH = (
    "query($i: [PostInput!]!) { analyzePosts(inputs: $i) { framing { orientation "
    "signals { kind span { start end text } } } degraded } }"
)
TEXT = "Thrilled to announce I led the launch of Atlas; Léa designed the schema. " * 6
INPUTS = {"i": [{"text": TEXT} for _ in range(12)]}
# Shorter than starting a worker takes even on an idle machine (an interpreter importing the
# API, its schema and a graph connection), longer than the batch takes in a worker.
TIMEOUT_SECONDS = 1.5


@pytest.fixture(scope="module")
def cold(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    data = tmp_path_factory.mktemp("cold-lane")
    env = {
        **env_for(settings.model_copy(update={"data_dir": data})),
        "TEAMCREDIT_LOG_LEVEL": "warning",
        "TEAMCREDIT_REQUEST_TIMEOUT": str(TIMEOUT_SECONDS),
        "TEAMCREDIT_LANE_WORKERS": "2",
        "TEAMCREDIT_LANE_WARM": "false",
    }
    server = LiveServer(env, Path(data) / "server.log")
    server.start()
    server.key = make_key(settings.neo4j_uri or "", settings.neo4j_password or "", ("analyze",))  # type: ignore[attr-defined]
    yield server
    server.stop()


def test_the_batch_is_costly_enough_for_the_lane() -> None:
    assert request_cost(build_schema()._schema, BATCH, None, INPUTS) >= LANE_COST


def test_a_costly_request_on_a_cold_lane_waits_for_the_workers_outside_its_budget(
    cold: LiveServer,
) -> None:
    headers = {"authorization": f"Bearer {cold.key}"}  # type: ignore[attr-defined]
    body = {"query": BATCH, "variables": INPUTS}
    first = httpx.post(cold.base_url + "/graphql", json=body, headers=headers, timeout=30)
    assert first.status_code == 200, first.text
    assert codes(first.json()) == []
    answers = first.json()["data"]["analyzePosts"]
    assert len(answers) == len(INPUTS["i"])
    assert all(a["framing"]["signals"] and not a["degraded"] for a in answers)
    # Its wait did not stall the API, and the next costly request meets a ready lane.
    assert httpx.get(cold.base_url + "/healthz", timeout=5).status_code == 200
    second = httpx.post(cold.base_url + "/graphql", json=body, headers=headers, timeout=30)
    assert second.status_code == 200, second.text
    assert second.json()["data"] == first.json()["data"]
