"""Where the graph is: the embedded server (started or joined) or a configured Neo4j.

Shared by the API lifespan and every CLI command, so they find the graph the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TypeVar

import structlog

from teamcredit.errors import GraphUnavailable, StartupFailed
from teamcredit.graph.client import GraphClient
from teamcredit.graph.embedded import EmbeddedGraph, GraphEndpoint
from teamcredit.graph.schema import apply_schema
from teamcredit.settings import Settings

log = structlog.get_logger(__name__)
T = TypeVar("T")
# Where the graph is, for layers that may not import graph/ (the API's lane workers).
Endpoint = GraphEndpoint


@dataclass
class GraphRuntime:
    client: GraphClient
    endpoint: GraphEndpoint
    embedded: EmbeddedGraph | None = None
    schema_ready: bool = False
    _retry: asyncio.Task[None] | None = field(default=None, repr=False)

    async def ensure_schema(self) -> bool:
        if not self.schema_ready:
            try:
                await apply_schema(self.client)
                self.schema_ready = True
                log.info("graph.schema_ready", uri=self.endpoint.uri)
            except GraphUnavailable as exc:
                log.warning("graph.schema_pending", reason=exc.message)
        return self.schema_ready

    async def ensure_ready(self) -> None:
        """The schema applied, or :class:`GraphUnavailable` (start-up retries it)."""
        if not self.schema_ready:
            await apply_schema(self.client)
            self.schema_ready = True
            log.info("graph.schema_ready", uri=self.endpoint.uri)

    def keep_trying_schema(self, interval: float = 1.0) -> None:
        """The API starts even when the graph is down; this brings it to ready when it appears."""

        async def loop() -> None:
            while not await self.ensure_schema():
                await asyncio.sleep(interval)

        if not self.schema_ready and self._retry is None:
            self._retry = asyncio.create_task(loop(), name="graph-schema-retry")

    async def close(self) -> None:
        if self._retry is not None:
            self._retry.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._retry
        await self.client.close()
        if self.embedded is not None:
            await asyncio.to_thread(self.embedded.stop)


def resolve_endpoint(settings: Settings) -> tuple[GraphEndpoint, EmbeddedGraph | None]:
    """Configured Neo4j, else join the embedded graph of DATA_DIR, else start it (blocking)."""
    if settings.neo4j_uri is not None:
        endpoint = GraphEndpoint(
            uri=settings.neo4j_uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password or "",
            database=settings.neo4j_database,
            reader_user=settings.neo4j_reader_user,
            reader_password=settings.neo4j_reader_password,
        )
        return endpoint, None
    embedded = EmbeddedGraph(settings.data_dir)
    endpoint = embedded.start()
    # Joined a server another process owns: not ours to stop.
    owned = embedded if endpoint.pid is not None and embedded.owns(endpoint) else None
    return endpoint, owned


async def open_graph(settings: Settings, wait_for_schema: bool = True) -> GraphRuntime:
    endpoint, embedded = await asyncio.to_thread(resolve_endpoint, settings)
    runtime = GraphRuntime(client=_client(settings, endpoint), endpoint=endpoint, embedded=embedded)
    if wait_for_schema:
        await runtime.ensure_schema()
    return runtime


async def with_startup_budget(
    runtime: GraphRuntime, budget: float, what: str, work: Callable[[], Awaitable[T]]
) -> T:
    """Start-up work (the schema, the demo's data): retried while the graph is slow or not
    there yet, each statement given the whole remaining budget instead of a request's 1.5 s.

    On a large graph the first statements after a start can take seconds (a cold cache);
    failing the start for that, as a request would fail, turned a slow graph into a crash.
    Gives up with :class:`StartupFailed`, whose message says what to do.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + budget
    attempt = 0
    while True:
        attempt += 1
        remaining = deadline - loop.time()
        try:
            with runtime.client.patient(max(remaining, 1.0)):
                return await work()
        except GraphUnavailable as exc:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise StartupFailed(
                    f"{what} failed: {exc.message} within {budget:g} s "
                    f"(graph at {runtime.endpoint.uri}). Is the graph overloaded or down? "
                    "Raise TEAMCREDIT_STARTUP_TIMEOUT, or see DATA_DIR/logs/graph.log."
                ) from None
            log.warning("startup.retry", work=what, attempt=attempt, reason=exc.message)
            await asyncio.sleep(min(0.5 * 2**attempt, 10.0, remaining))


def open_reader(settings: Settings, endpoint: GraphEndpoint) -> GraphClient | None:
    """A client logged in as the read-only account, or None when none is configured.

    Analysts' ad hoc Cypher runs here: the graph itself refuses its writes (ArcadeDB's
    reader group; on Neo4j, a user whose role has no write privilege).
    """
    if not endpoint.reader_user or not endpoint.reader_password:
        return None
    return GraphClient(
        endpoint.uri,
        endpoint.reader_user,
        endpoint.reader_password,
        endpoint.database,
        timeout=settings.graph_timeout,
        max_concurrent_reads=settings.graph_max_concurrent_reads,
        queue_timeout=settings.graph_queue_timeout,
    )


def runtime_for(settings: Settings, endpoint: GraphEndpoint) -> GraphRuntime:
    """A runtime over a graph another process found and set up (the API's lane workers)."""
    return GraphRuntime(client=_client(settings, endpoint), endpoint=endpoint, schema_ready=True)


def _client(settings: Settings, endpoint: GraphEndpoint) -> GraphClient:
    return GraphClient(
        endpoint.uri,
        endpoint.user,
        endpoint.password,
        endpoint.database,
        timeout=settings.graph_timeout,
        write_timeout=settings.graph_write_timeout,
        max_concurrent_reads=settings.graph_max_concurrent_reads,
        max_concurrent_writes=settings.graph_max_concurrent_writes,
        queue_timeout=settings.graph_queue_timeout,
    )
