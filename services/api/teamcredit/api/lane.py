"""The work lane: costly queries run in worker processes, off the API's event loop.

Completing a large answer is CPU work in the GraphQL executor (tens of thousands of fields
for a batch of long posts) and in JSON encoding, not I/O: on the event loop it held every
other request, probe and timeout until it finished, and a thread would not do (the GIL is
one, and a single json.dumps holds it for 80 ms). Queries that cost ``LANE_COST`` or more
run in one of ``TEAMCREDIT_LANE_WORKERS`` processes instead, at a lower CPU priority, each
with its own schema, services and graph connection; the API process only waits for the
encoded answer, so ``/healthz`` and cheap requests keep answering in milliseconds, and
the request timeout fires on time.

A worker keeps computing a request whose caller timed out (there is no safe way to stop
it mid-answer), which the per-request cost bound keeps to a couple of seconds. Counters
that the worker itself increments (degraded answers, graph round trips) are not in the
API process's /metrics; the request counter and latency of laned operations are.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import multiprocessing
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any

import structlog
from strawberry.http import process_result
from strawberry.types.graphql import OperationType

from teamcredit.analysis.framing import warm_up as warm_up_analyser
from teamcredit.api.guard import deadline_paused
from teamcredit.services.keys import VerifiedKey
from teamcredit.services.runtime import Endpoint, runtime_for
from teamcredit.settings import Settings

log = structlog.get_logger(__name__)
NICENESS = 5  # the API process (probes, cheap requests) comes first for the CPU
_worker: dict[str, Any] = {}


def _start_worker(
    settings: Settings,
    endpoint: Endpoint,
    production: bool,
    on_start: Callable[[], None] | None,
) -> None:
    # Imported here: the schema is built in the worker only.
    from teamcredit.api.schema import build_schema
    from teamcredit.services.container import Services

    with contextlib.suppress(OSError):
        os.nice(NICENESS)
    _leave_with(os.getppid())
    if on_start is not None:
        on_start()  # the API's logging set-up
    warm_up_analyser()
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    runtime = runtime_for(settings, endpoint)
    _worker.update(
        loop=loop, services=Services.build(settings, runtime), schema=build_schema(production)
    )


def _leave_with(parent: int) -> None:
    """End this worker when the API process is gone (killed, or stopped without shutdown)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(0)

    threading.Thread(target=watch, name="lane-parent-watch", daemon=True).start()


def _ready() -> bool:
    return bool(_worker)


def _execute(
    query: str,
    variables: dict[str, Any] | None,
    operation_name: str | None,
    principal: VerifiedKey,
    request_id: str,
) -> tuple[str, bool]:
    """In a worker: run one query to its encoded JSON answer; (text, had errors)."""
    from teamcredit.api.context import Context
    from teamcredit.api.errors import with_codes

    async def run() -> tuple[str, bool]:
        result = await _worker["schema"].execute(
            query,
            variable_values=variables,
            context_value=Context(_worker["services"], request_id, principal),
            operation_name=operation_name,
            allowed_operation_types={OperationType.QUERY},
        )
        if result.errors:
            result.errors = with_codes(result.errors, request_id)
        return json.dumps(process_result(result), separators=(",", ":")), bool(result.errors)

    outcome: tuple[str, bool] = _worker["loop"].run_until_complete(run())
    return outcome


class WorkLane:
    def __init__(
        self,
        settings: Settings,
        endpoint: Endpoint,
        production: bool,
        workers: int,
        on_start: Callable[[], None] | None = None,
    ) -> None:
        """``on_start`` runs first in each worker (picklable: a module function or partial)."""
        self.workers = workers
        self.startup_timeout = settings.startup_timeout
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            # spawn, not fork: the API process has threads and an event loop running.
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(settings, endpoint, production, on_start),
        )
        self._starting: list[Future[bool]] = []

    def warm_up(self) -> None:
        """Start the workers in the background (a few seconds; over 30 s on a loaded machine)
        rather than on the first costly request."""
        if not self._starting:
            self._starting = [self._pool.submit(_ready) for _ in range(self.workers)]

    async def _started(self) -> None:
        """Until a worker has started (one takes work only once its start-up is done), at
        most the start-up budget. The request's time budget stands still meanwhile: the
        start-up is the lane's, and counted against a 10 s budget it answered the first
        costly request 503 on a loaded machine."""
        self.warm_up()
        if any(future.done() for future in self._starting):
            return
        with deadline_paused():
            await asyncio.wait(
                [asyncio.wrap_future(future) for future in self._starting],
                timeout=self.startup_timeout,
                return_when=asyncio.FIRST_COMPLETED,
            )

    async def execute(
        self,
        query: str,
        variables: dict[str, Any] | None,
        operation_name: str | None,
        principal: VerifiedKey,
        request_id: str,
    ) -> tuple[str, bool]:
        await self._started()
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._pool, _execute, query, variables, operation_name, principal, request_id
        )

    def close(self) -> None:
        # Waits for a request a worker is still computing (bounded by its cost), so the
        # workers are gone when the server is.
        self._pool.shutdown(wait=True, cancel_futures=True)
