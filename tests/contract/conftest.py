"""A live uvicorn server on the shared test graph, with the demo organisation and a full key."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from teamcredit.settings import Settings
from tests.support.api import LiveServer, env_for, make_key
from tests.support.graph_server import GraphServer


@pytest.fixture(scope="session")
def contract_server(
    graph_server: GraphServer, settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    logs = tmp_path_factory.mktemp("contract")
    server = LiveServer(
        {
            **env_for(settings),
            "TEAMCREDIT_RATE_LIMIT_PER_MINUTE": "1000000",
            "TEAMCREDIT_RATE_LIMIT_BURST": "100000",
            "TEAMCREDIT_LOG_LEVEL": "warning",
            # Costly generated queries run on the work lane: its processes start with the
            # server and are waited for, not inside the first such request's 10 s budget
            # (on a loaded machine that request answered 503 while they started).
            "TEAMCREDIT_LANE_WARM": "true",
        },
        logs / "server.log",
    )
    server.start()
    server.wait_for_idle_lane()
    server.key = make_key(  # type: ignore[attr-defined]
        graph_server.uri, graph_server.password, ("analyze", "read", "write", "admin"), "contract"
    )
    yield server
    server.stop()
