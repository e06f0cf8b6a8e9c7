"""One async Neo4j driver per process, and the only door to it.

Every repository goes through :meth:`GraphClient.read` / :meth:`GraphClient.write`, so
round trips can be counted (tests, metrics), timeouts applied in one place and driver
errors turned into :class:`GraphUnavailable` in one place.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from contextvars import ContextVar
from typing import Any, LiteralString, TypeVar

import neo4j
from neo4j import AsyncGraphDatabase, AsyncManagedTransaction, RoutingControl
from neo4j.exceptions import (
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
    TransientError,
)

from teamcredit.errors import GraphUnavailable

Row = dict[str, Any]
T = TypeVar("T")
Listener = Callable[[str, float, bool], None]
WriteListener = Callable[[], Awaitable[None]]

_MERGE_RACE_ATTEMPTS = 3
_TIMEOUTS_TO_OPEN = 2
_UNAVAILABLE = (ServiceUnavailable, SessionExpired, DriverError, OSError, TimeoutError)
# A budget for every statement of a block of work (see GraphClient.patient), else None.
_patience: ContextVar[float | None] = ContextVar("graph_patience", default=None)


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
        write_timeout: float | None = None,
        max_concurrent_reads: int = 8,
        max_concurrent_writes: int = 4,
        queue_timeout: float = 5.0,
        share_bookmarks: bool | None = None,
    ) -> None:
        self.uri = uri
        self.database = database
        self.timeout = timeout
        self._driver = AsyncGraphDatabase.driver(
            uri,
            auth=(user, password),
            connection_timeout=min(timeout, 5.0),
            connection_acquisition_timeout=timeout,
            # The driver's own retry of transient errors, bounded to half the budget: a graph
            # that refuses connections then surfaces as ServiceUnavailable (which opens the
            # breaker) before the request's own timeout fires.
            max_transaction_retry_time=timeout / 2,
            max_connection_pool_size=max_pool_size,
            liveness_check_timeout=30.0,
        )
        # ONE bookmark manager for every statement of this process: execute_query's (reads)
        # is also given to the write sessions, so under neo4j:// routing a read waits for
        # the writes this process made (a session of its own would not chain them). A
        # single server (bolt://) has nothing to wait for, and ArcadeDB answers bookmarked
        # write transactions slowly under concurrent writers (3 writers: 4 ingests in 3 s
        # against 18 without), so there the writes keep sessions of their own.
        self._bookmarks = self._driver.execute_query_bookmark_manager
        if share_bookmarks is None:
            share_bookmarks = uri.startswith(("neo4j://", "neo4j+s://", "neo4j+ssc://"))
        self._write_bookmarks = self._bookmarks if share_bookmarks else None
        self._listeners: list[Listener] = []
        self._write_listeners: list[WriteListener] = []
        self.breaker_seconds = breaker_seconds
        self._timeouts_in_a_row = 0
        # Writes queue behind each other in the graph: they get a longer default budget.
        self.write_timeout = write_timeout or max(timeout, 5.0)
        self._open_until = 0.0
        # Admission: a few statements at a time, the rest queue here in order. Fifty
        # concurrent batch reads made the graph answer every one of them late (timeouts,
        # then an open breaker and degraded answers); concurrent writers to the same nodes
        # only conflict and retry (ArcadeDB "rebase not possible", Neo4j locks).
        self._read_slots = asyncio.Semaphore(max_concurrent_reads)
        self._write_slots = asyncio.Semaphore(max_concurrent_writes)
        self.queue_timeout = queue_timeout

    @contextmanager
    def patient(self, seconds: float) -> Iterator[None]:
        """Statements started in this block (this task and the tasks it starts) get ``seconds``
        each instead of the request budget: start-up work on a large or cold graph (reading
        every project, loading the demo) is not a request that a user waits for."""
        token = _patience.set(seconds)
        try:
            yield
        finally:
            _patience.reset(token)

    def add_listener(self, listener: Listener) -> None:
        """Called after every statement with (query, seconds, ok): metrics and tests count here."""
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def add_write_listener(self, listener: WriteListener) -> None:
        """Awaited after every committed write (caches of graph data invalidate here)."""
        self._write_listeners.append(listener)

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
        # Circuit breaker: right after a connection failure, fail at once instead of making
        # every request of an outage wait for its own timeout. Probes always try.
        if not probe and time.monotonic() < self._open_until:
            if asyncio.iscoroutine(work):
                work.close()
            raise GraphUnavailable("the graph is unreachable (failed moments ago)")
        try:
            async with asyncio.timeout(timeout or _patience.get() or self.timeout):
                result = await work
        except TimeoutError as exc:
            # One slow answer may be load, not an outage: only timeouts in a row, with no
            # success between them (a frozen graph), open the breaker.
            self._timeouts_in_a_row += 1
            if self._timeouts_in_a_row >= _TIMEOUTS_TO_OPEN:
                self._open_until = time.monotonic() + self.breaker_seconds
            raise GraphUnavailable("the graph did not answer in time") from exc
        except _UNAVAILABLE as exc:
            self._open_until = time.monotonic() + self.breaker_seconds
            raise GraphUnavailable(f"the graph is unreachable: {type(exc).__name__}") from exc
        self._open_until = 0.0
        self._timeouts_in_a_row = 0
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
            statement = neo4j.Query(query, timeout=timeout or _patience.get() or self.timeout)
            result = await self._driver.execute_query(
                statement,
                dict(params or {}),
                database_=self.database,
                routing_=routing,
                bookmark_manager_=self._bookmarks,
            )
            rows = [record.data() for record in result.records]
            ok = True
            return rows
        finally:
            self._notify(query, started, ok)

    @asynccontextmanager
    async def _admitted(self, slots: asyncio.Semaphore) -> AsyncIterator[None]:
        try:
            async with asyncio.timeout(self.queue_timeout):
                await slots.acquire()
        except TimeoutError:
            # Our own queue, not the graph: this must not open the circuit breaker.
            raise GraphUnavailable("the graph is busy: too many statements are waiting") from None
        try:
            yield
        finally:
            slots.release()

    async def read(
        self,
        query: LiteralString,
        params: Mapping[str, Any] | None = None,
        timeout: float | None = None,
    ) -> list[Row]:
        async with self._admitted(self._read_slots):
            work = self._query(query, params, RoutingControl.READ, timeout)
            return await self._guard(work, timeout)

    async def read_rolled_back(
        self,
        query: LiteralString,
        params: Mapping[str, Any] | None = None,
        timeout: float | None = None,
    ) -> list[Row]:
        """A read in an explicit transaction that is never committed (analysts' queries)."""

        async def work() -> list[Row]:
            async with self._driver.session(
                database=self.database,
                default_access_mode=neo4j.READ_ACCESS,
                bookmark_manager=self._bookmarks,
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
            merge_races = 0
            busy = 0
            async with self._driver.session(
                database=self.database, bookmark_manager=self._write_bookmarks
            ) as session:
                while True:
                    try:
                        return await session.execute_write(self._run_tx, query, params or {})
                    except ConstraintError:
                        # Two concurrent MERGEs of one new key: the loser's retry MATCHes.
                        merge_races += 1
                        if merge_races >= _MERGE_RACE_ATTEMPTS:
                            raise
                    except TransientError:
                        # Concurrent writers on the same records (a deadlock the graph
                        # detected): the driver's quick retries are spent, keep trying with
                        # jittered backoff until the write budget (the timeout) runs out.
                        busy += 1
                        await asyncio.sleep(random.uniform(0.01, 0.05) * min(busy, 10))

        async with self._admitted(self._write_slots):
            rows = await self._guard(work(), timeout or _patience.get() or self.write_timeout)
        for listener in self._write_listeners:
            await listener()
        return rows

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
