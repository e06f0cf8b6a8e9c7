"""One async Neo4j driver per process, and the only door to it.

Every repository goes through :meth:`GraphClient.read` / :meth:`GraphClient.write`, so
round trips can be counted (tests, metrics), timeouts applied in one place and driver
errors turned into :class:`GraphUnavailable` in one place.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Any, LiteralString, TypeVar

import neo4j
from neo4j import AsyncGraphDatabase, AsyncManagedTransaction, RoutingControl
from neo4j.exceptions import (
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from teamcredit.errors import GraphUnavailable

Row = dict[str, Any]
T = TypeVar("T")
Listener = Callable[[str, float, bool], None]

_MERGE_RACE_ATTEMPTS = 3
_UNAVAILABLE = (ServiceUnavailable, SessionExpired, DriverError, OSError, TimeoutError)


class GraphClient:
    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str,
        timeout: float = 1.5,
        max_pool_size: int = 50,
        breaker_seconds: float = 1.0,
    ) -> None:
        self.uri = uri
        self.database = database
        self.timeout = timeout
        self._driver = AsyncGraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=min(timeout, 5.0),
            connection_acquisition_timeout=timeout,
            # The driver's own retry of transient errors; bounded so a request never
            # outlives its budget.
            max_transaction_retry_time=timeout,
            max_connection_pool_size=max_pool_size,
            liveness_check_timeout=30.0,
        )
        self._listeners: list[Listener] = []
        self.breaker_seconds = breaker_seconds
        self._open_until = 0.0

    def add_listener(self, listener: Listener) -> None:
        """Called after every statement with (query, seconds, ok): metrics and tests count here."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _notify(self, query: str, started: float, ok: bool) -> None:
        elapsed = time.perf_counter() - started
        for listener in self._listeners:
            listener(query, elapsed, ok)

    async def _run_tx(
        self, tx: AsyncManagedTransaction, query: LiteralString, params: Mapping[str, Any]
    ) -> list[Row]:
        started = time.perf_counter()
        ok = False
        try:
            result = await tx.run(query, dict(params))
            rows = [record.data() for record in await result.fetch(1_000_000)]
            ok = True
            return rows
        finally:
            self._notify(query, started, ok)

    async def _guard(self, work: Awaitable[T], timeout: float | None, probe: bool = False) -> T:
        # Circuit breaker: right after a failure, fail at once instead of making every
        # request of an outage wait for its own timeout. Probes always try.
        if not probe and time.monotonic() < self._open_until:
            if asyncio.iscoroutine(work):
                work.close()
            raise GraphUnavailable("the graph is unreachable (failed moments ago)")
        try:
            async with asyncio.timeout(timeout or self.timeout):
                result = await work
        except TimeoutError as exc:
            self._open_until = time.monotonic() + self.breaker_seconds
            raise GraphUnavailable("the graph did not answer in time") from exc
        except _UNAVAILABLE as exc:
            self._open_until = time.monotonic() + self.breaker_seconds
            raise GraphUnavailable(f"the graph is unreachable: {type(exc).__name__}") from exc
        self._open_until = 0.0
        return result

    async def _query(
        self,
        query: LiteralString,
        params: Mapping[str, Any] | None,
        routing: RoutingControl,
        timeout: float | None = None,
    ) -> list[Row]:
        # execute_query: one pipelined round trip for a single statement (a managed
        # transaction adds BEGIN and COMMIT round trips), the driver's retries, reads
        # routed to readers in a cluster, and the driver's bookmarks for causal chaining.
        started = time.perf_counter()
        ok = False
        try:
            # The same budget as a server-side transaction timeout, so Neo4j stops work
            # nobody waits for any more.
            statement = neo4j.Query(query, timeout=timeout or self.timeout)
            result = await self._driver.execute_query(
                statement, dict(params or {}), database_=self.database, routing_=routing
            )
            rows = [record.data() for record in result.records]
            ok = True
            return rows
        finally:
            self._notify(query, started, ok)

    async def read(
        self,
        query: LiteralString,
        params: Mapping[str, Any] | None = None,
        timeout: float | None = None,
    ) -> list[Row]:
        return await self._guard(self._query(query, params, RoutingControl.READ, timeout), timeout)

    async def read_rolled_back(
        self,
        query: LiteralString,
        params: Mapping[str, Any] | None = None,
        timeout: float | None = None,
    ) -> list[Row]:
        """A read in an explicit transaction that is never committed (analysts' queries)."""

        async def work() -> list[Row]:
            async with self._driver.session(
                database=self.database, default_access_mode=neo4j.READ_ACCESS
            ) as session:
                tx = await session.begin_transaction()
                try:
                    return await self._run_tx(tx, query, params or {})  # type: ignore[arg-type]
                finally:
                    await tx.rollback()

        return await self._guard(work(), timeout)

    async def write(
        self,
        query: LiteralString,
        params: Mapping[str, Any] | None = None,
        timeout: float | None = None,
    ) -> list[Row]:
        async def work() -> list[Row]:
            async with self._driver.session(database=self.database) as session:
                for attempt in range(_MERGE_RACE_ATTEMPTS):
                    try:
                        return await session.execute_write(self._run_tx, query, params or {})
                    except ConstraintError:
                        # Two concurrent MERGEs of one new key: the loser's retry MATCHes.
                        if attempt == _MERGE_RACE_ATTEMPTS - 1:
                            raise
                raise AssertionError("unreachable")

        return await self._guard(work(), timeout)

    async def ping(self, timeout: float | None = None) -> bool:
        try:
            await self._guard(
                self._query("RETURN 1 AS ok", {}, RoutingControl.READ), timeout, probe=True
            )
        except (GraphUnavailable, Neo4jError):
            return False
        return True

    async def close(self) -> None:
        await self._driver.close()


def to_python(value: Any) -> Any:
    """Neo4j temporal values become ``datetime``; naive ones are UTC (ArcadeDB drops the zone)."""
    if isinstance(value, neo4j.time.DateTime):
        native = value.to_native()
        if native.tzinfo is None:
            from datetime import UTC

            native = native.replace(tzinfo=UTC)
        return native
    return value
