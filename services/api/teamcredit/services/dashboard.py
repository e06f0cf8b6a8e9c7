"""The recognition dashboard: figures from one read of the graph, refreshed in the background.

A dashboard view over a large organisation would otherwise read every post per request
(the 10,000-person, 100,000-post organisation: seconds per scan). Instead the facts are read
once (graph/dashboard.py), indexed into per-month buckets (analysis/dashboard.py), and each
view is a lookup, memoised per filter until the next read. The read is redone in the
background when the figures are older than TEAMCREDIT_DASHBOARD_REFRESH_SECONDS (or after
``invalidate()``); requests keep getting the previous figures meanwhile, and each answer says
when its figures were read (``asOf``).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any, TypeVar

import structlog

from teamcredit.analysis.dashboard import (
    CultureReport,
    DashboardFilter,
    DashboardIndex,
    Overview,
    ProjectReport,
    ProjectSummary,
    TeamFigures,
)
from teamcredit.errors import BadUserInput, GraphUnavailable, NotFound
from teamcredit.graph.dashboard import DashboardRepository

log = structlog.get_logger(__name__)
T = TypeVar("T")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_MEMO_SIZE = 512
# How long a request waits for the first read before asking the caller to retry.
FIRST_READ_WAIT = 5.0


def check_filter(f: DashboardFilter) -> DashboardFilter:
    for name, value in (("from", f.from_month), ("to", f.to_month)):
        if value is not None and not _MONTH.match(value):
            raise BadUserInput(
                f"{name} must be a month as YYYY-MM (got {value[:20]!r})", field=name
            )
    if f.from_month and f.to_month and f.from_month > f.to_month:
        raise BadUserInput("from must not be after to", field="from")
    if f.country is not None and not _COUNTRY.match(f.country):
        raise BadUserInput("country must be an ISO 3166-1 alpha-2 code", field="country")
    return f


class Snapshot:
    """One read of the facts, its index, and the views already computed from it."""

    def __init__(self, index: DashboardIndex, as_of: datetime) -> None:
        self.index = index
        self.as_of = as_of
        self._memo: dict[tuple[Any, ...], Any] = {}

    def memo(self, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        if key in self._memo:
            return self._memo[key]  # type: ignore[no-any-return]
        value = compute()
        if len(self._memo) >= _MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = value
        return value


class DashboardService:
    def __init__(self, repo: DashboardRepository, refresh_seconds: float) -> None:
        self.repo = repo
        self.refresh_seconds = refresh_seconds
        self._snapshot: Snapshot | None = None
        self._loaded_at = 0.0
        self._lock = asyncio.Lock()
        self._refreshing: asyncio.Task[None] | None = None

    def invalidate(self) -> None:
        """The next request starts a re-read (and gets the current figures meanwhile)."""
        self._loaded_at = float("-inf")

    async def _load(self) -> Snapshot:
        started = time.perf_counter()
        facts = await self.repo.facts()
        snapshot = Snapshot(DashboardIndex.build(facts), datetime.now(UTC))
        self._snapshot, self._loaded_at = snapshot, time.monotonic()
        log.info(
            "dashboard.read",
            posts=len(facts.posts),
            people=len(facts.people),
            seconds=round(time.perf_counter() - started, 3),
        )
        return snapshot

    async def refresh(self) -> Snapshot:
        """Read the facts now (tests, and after an import that must show at once)."""
        async with self._lock:
            return await self._load()

    async def _refresh(self) -> None:
        try:
            await self.refresh()
        except Exception as exc:  # the previous figures stay; the next request retries
            log.warning("dashboard.refresh_failed", error=str(exc))

    def start(self) -> None:
        """Begin the first read in the background: on a large organisation it takes longer
        than a request may wait (the first request starts it; `teamcredit demo` reads at once)."""
        if self._snapshot is None and (self._refreshing is None or self._refreshing.done()):
            self._refreshing = asyncio.create_task(self._refresh())

    async def stop(self) -> None:
        if self._refreshing is not None and not self._refreshing.done():
            self._refreshing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._refreshing

    async def snapshot(self) -> Snapshot:
        if self._snapshot is None:
            self.start()
            assert self._refreshing is not None
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(self._refreshing), FIRST_READ_WAIT)
            if self._snapshot is None:
                raise GraphUnavailable(
                    "the dashboard's figures are still being read from the graph; "
                    "retry in a few seconds"
                )
        snapshot = self._snapshot
        stale = time.monotonic() - self._loaded_at > self.refresh_seconds
        if stale and (self._refreshing is None or self._refreshing.done()):
            self._refreshing = asyncio.create_task(self._refresh())
        return snapshot

    async def overview(self, f: DashboardFilter) -> tuple[Overview, datetime]:
        s = await self.snapshot()
        return s.memo(("overview", f), lambda: s.index.overview(check_filter(f))), s.as_of

    async def teams(
        self, f: DashboardFilter, first: int | None = None
    ) -> tuple[int, list[TeamFigures]]:
        s = await self.snapshot()
        return s.memo(
            ("teams", f, first),
            lambda: (len(s.index.teams_in(f)), s.index.teams_view(check_filter(f), first)),
        )

    async def projects(
        self, f: DashboardFilter, first: int | None = None
    ) -> tuple[int, list[ProjectSummary]]:
        s = await self.snapshot()
        return s.memo(
            ("projects", f, first),
            lambda: (
                len(s.index.projects_in(f)),
                s.index.project_summaries(check_filter(f), first),
            ),
        )

    async def project(self, project_id: str, f: DashboardFilter) -> ProjectReport:
        s = await self.snapshot()
        report = s.memo(
            ("project", project_id, f), lambda: s.index.project_report(project_id, check_filter(f))
        )
        if report is None:
            raise NotFound(f"no project with id {project_id!r}")
        return report

    async def cultures(self, f: DashboardFilter) -> CultureReport:
        s = await self.snapshot()
        return s.memo(("cultures", f), lambda: s.index.cultures(check_filter(f)))
