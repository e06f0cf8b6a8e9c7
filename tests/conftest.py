"""Shared fixtures: one real Bolt graph server (embedded ArcadeDB) for the whole run."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from teamcredit.services.container import Services
from teamcredit.services.runtime import GraphRuntime, open_graph
from teamcredit.settings import Settings
from tests.support.graph_server import GraphServer

REPO = Path(__file__).resolve().parent.parent
DEMO = REPO / "services/api/teamcredit/data/demo/organization.json"


@pytest.fixture(scope="session")
def graph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphServer]:
    server = GraphServer(tmp_path_factory.mktemp("graph"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def settings(graph_server: GraphServer, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        neo4j_uri=graph_server.uri,
        neo4j_user="root",
        neo4j_password=graph_server.password,
        neo4j_reader_user="reader",
        neo4j_reader_password=graph_server.reader_password,
        data_dir=tmp_path_factory.mktemp("data"),
        graph_timeout=float(os.environ.get("TEAMCREDIT_TEST_GRAPH_TIMEOUT", "5")),
        # Behaviour tests send many requests; the rate-limit tests set their own budget.
        rate_limit_per_minute=1_000_000,
        rate_limit_burst=100_000,
        # In-process apps run every query on their own loop, so tests can count the graph
        # round trips on services.client; the lane is tested over HTTP (tests/security).
        lane_workers=0,
    )


@pytest.fixture(scope="session")
async def runtime(settings: Settings) -> AsyncIterator[GraphRuntime]:
    rt = await open_graph(settings)
    assert rt.schema_ready
    yield rt
    await rt.close()


@pytest.fixture(scope="session")
async def services(settings: Settings, runtime: GraphRuntime) -> Services:
    return Services.build(settings, runtime)


@pytest.fixture(scope="session")
async def full_key(services: Services) -> str:
    """A key with every scope, for tests about behaviour rather than access."""
    issued = await services.keys.create("tests", ("analyze", "read", "write", "admin"))
    return issued.secret


async def wipe_graph(services: Services) -> None:
    from tests.support.cypher import WIPE

    await services.client.write(WIPE, timeout=60)
    services.project_changed()


@pytest.fixture
async def clean(services: Services) -> Services:
    """An empty graph (schema kept) for tests that count what they write."""
    await wipe_graph(services)
    return services
