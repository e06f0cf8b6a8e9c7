"""A large organisation in a graph: what the benchmarks and the dashboard's browser tests
stand on, in one place so they measure and test the same thing.

- ``generated_document``: the generator's organisation (``teamcredit generate``), parsed;
- ``import_organization``: the import path (services/importer.py, as ``teamcredit import``
  runs it), timed;
- ``temp_graph``: a temporary embedded graph with the services over it, and ``start_api``
  to serve it in a process of its own (bench/load.py, bench/dashboard.py).

tests/e2e/test_dashboard.py imports the first two (the tests bring their own graph server).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from teamcredit.generator import generate_organization
from teamcredit.generator.shape import DEFAULT_SHAPE
from teamcredit.graph.client import GraphClient
from teamcredit.graph.embedded import EmbeddedGraph, GraphEndpoint, free_port
from teamcredit.services.container import Services
from teamcredit.services.document import ImportDocument, load_document, parse_document
from teamcredit.services.importer import Importer
from teamcredit.services.runtime import GraphRuntime, open_graph
from teamcredit.settings import Settings


def generated_raw(people: int, seed: int, posts_per_person: float | None = None) -> dict[str, Any]:
    """The generated organisation's document as JSON data (tests add to it before parsing).

    ``posts_per_person``: the generator's default (10) unless given. Under 3 the planted
    answers do not all hold for 10,000 people (the generator refuses)."""
    shape = DEFAULT_SHAPE
    if posts_per_person is not None:
        shape = dataclasses.replace(shape, posts_per_person=posts_per_person)
    return generate_organization(people, seed, shape).document


def generated_document(
    people: int, seed: int, posts_per_person: float | None = None
) -> ImportDocument:
    return parse_document(generated_raw(people, seed, posts_per_person))


def organization_document(org: str | None, people: int, seed: int) -> ImportDocument:
    """A document file when given (the benchmarks' --org), else a generated organisation."""
    return load_document(Path(org)) if org else generated_document(people, seed)


async def import_organization(client: GraphClient, doc: ImportDocument) -> float:
    """Import ``doc`` as ``teamcredit import`` does; the seconds it took."""
    started = time.perf_counter()
    await Importer(client).run(doc)
    return time.perf_counter() - started


@dataclass
class TempGraph:
    data: Path
    endpoint: GraphEndpoint
    settings: Settings
    runtime: GraphRuntime
    services: Services
    _servers: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def start_api(self, **extra: str) -> tuple[subprocess.Popen[bytes], str]:
        """``teamcredit serve`` on this graph (stopped on leaving ``temp_graph`` at the
        latest); ``extra``: more environment, e.g. TEAMCREDIT_REDIS_URL."""
        port = free_port()
        env = {
            **os.environ,
            "TEAMCREDIT_NEO4J_URI": self.endpoint.uri,
            "TEAMCREDIT_NEO4J_USER": self.endpoint.user,
            "TEAMCREDIT_NEO4J_PASSWORD": self.endpoint.password,
            "TEAMCREDIT_DATA_DIR": str(self.data),
            "TEAMCREDIT_PORT": str(port),
            "TEAMCREDIT_ENV": "prod",
            "TEAMCREDIT_LOG_LEVEL": "warning",
            "TEAMCREDIT_RATE_LIMIT_PER_MINUTE": "100000000",
            "TEAMCREDIT_RATE_LIMIT_BURST": "1000000",
            "TEAMCREDIT_ANALYSIS_CACHE_SECONDS": "0",
            **extra,
        }
        log = (self.data / "api.log").open("ab")
        proc = subprocess.Popen(
            [sys.executable, "-m", "teamcredit.cli", "serve"], env=env, stdout=log, stderr=log
        )
        self._servers.append(proc)
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            try:
                if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                    return proc, url
            except httpx.HTTPError:
                time.sleep(0.1)
        proc.kill()
        raise SystemExit("the API did not start; see " + str(self.data / "api.log"))

    def stop_servers(self) -> None:
        for proc in self._servers:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


@contextlib.asynccontextmanager
async def temp_graph(prefix: str, **settings: Any) -> AsyncIterator[TempGraph]:
    """An embedded graph in a new temporary folder, the services over it (``settings``:
    more Settings fields), and on leaving: its API servers, the services and the graph
    stopped. The folder stays (api.log)."""
    data = Path(tempfile.mkdtemp(prefix=prefix))
    embedded = EmbeddedGraph(data / "graph")
    endpoint = embedded.start()
    graph: TempGraph | None = None
    try:
        config = Settings(
            neo4j_uri=endpoint.uri,
            neo4j_user=endpoint.user,
            neo4j_password=endpoint.password,
            data_dir=data,
            **settings,
        )
        runtime = await open_graph(config)
        graph = TempGraph(data, endpoint, config, runtime, Services.build(config, runtime))
        yield graph
    finally:
        if graph is not None:
            graph.stop_servers()
            await graph.runtime.close()
        embedded.stop()
