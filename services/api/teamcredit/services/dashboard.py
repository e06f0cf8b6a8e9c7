"""The recognition dashboard: figures from one read of the graph, kept up to date by writes.

A dashboard view over a large organisation would otherwise read every post per request
(the 10,000-person, 100,000-post organisation: seconds per scan). Instead the facts are read
once (graph/dashboard.py), indexed into per-month buckets (analysis/dashboard.py), and each
view is a lookup, memoised per filter until the figures change.

The figures change with the graph, at write time (docs/dashboard.md):

- a post written through this process (``ingestPost``, ``acceptCredit``) is reported here
  (``post_written``); the next dashboard request reads the facts of the posts written since
  (one small read) and adds them to the buckets: the cost of the posts, not of a read;
- any other write is noticed through versions taken before each request's figures
  (``Version``): this process's write count (the analysis cache's generation, bumped by
  every committed write through its graph client, services/shared.py), the shared generation
  on Redis (writes through every replica, and ``teamcredit import`` with Redis), and the
  organisation's version in the graph (bumped by every import, for ``teamcredit import``
  without Redis; read at most once a second). Then the facts are read again; the request
  waits for that read up to FIRST_READ_WAIT when the last read took less (a small or
  mid-sized organisation sees the change at once), else gets the previous figures while it
  runs in the background.

Every answer says when its figures were read (``asOf``). A background re-read every
TEAMCREDIT_DASHBOARD_REFRESH_SECONDS remains for what no version counts (Cypher run on the
graph directly, or writes through another replica while Redis is down).
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
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
from teamcredit.services.shared import SharedState

log = structlog.get_logger(__name__)
T = TypeVar("T")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_MEMO_SIZE = 512
_WRITTEN_KEPT = 10_000
# How long a request waits for the first read before asking the caller to retry, and for a
# re-read after a write (when the last read took less).
FIRST_READ_WAIT = 5.0
# The graph's version (imports, through any process) is read at most this often: one small
# statement a second at most, however many requests; an import takes longer than that.
GRAPH_VERSION_EVERY = 1.0


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


@dataclass(frozen=True, slots=True)
class Version:
    """Where the graph was when figures were read (see the module's docstring)."""

    local: int  # committed writes through this process's graph client
    posts: int  # of those, post writes reported to post_written
    shared: int | None  # the replicas' generation on Redis (None: no Redis, or it is down)
    graph: int  # the organisation's version in the graph (imports)
    seq: int = field(default=0, compare=False)  # the order versions were taken in


class Change(Enum):
    NONE = "none"
    POSTS = "posts"  # only posts written through this process: applied without a read
    OTHER = "other"  # anything else: the facts are read again


def change_between(base: Version, now: Version) -> Change:
    if base.seq >= now.seq:
        return Change.NONE  # the figures were read after ``now`` was taken
    local = now.local - base.local
    if now.graph != base.graph or (base.shared is None) != (now.shared is None):
        return Change.OTHER
    if now.shared is not None and base.shared is not None and now.shared - base.shared != local:
        return Change.OTHER  # another process wrote (or this one's count did not reach Redis)
    if local == 0:
        return Change.NONE
    return Change.POSTS if now.posts - base.posts == local else Change.OTHER


class Snapshot:
    """One read of the facts (with the posts written since), and the views computed from it."""

    def __init__(self, index: DashboardIndex, as_of: datetime, version: Version) -> None:
        self.index = index
        self.as_of = as_of
        self.version = version
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
    def __init__(
        self, repo: DashboardRepository, refresh_seconds: float, shared: SharedState
    ) -> None:
        self.repo = repo
        self.refresh_seconds = refresh_seconds
        self._shared = shared
        self._snapshot: Snapshot | None = None
        self._loaded_at = 0.0
        self._read_seconds = 0.0
        self._lock = asyncio.Lock()
        self._adding = asyncio.Lock()
        self._refreshing: asyncio.Task[None] | None = None
        self._seq = 0
        self._graph_version = 0
        self._graph_read_at = float("-inf")
        # The posts written through this process, in order: entry i is post write number
        # _written_start + i. Kept up to _WRITTEN_KEPT; figures older than that are re-read.
        self._written: list[str] = []
        self._written_start = 0

    def invalidate(self) -> None:
        """The next request starts a re-read (and gets the current figures meanwhile)."""
        self._loaded_at = float("-inf")

    def post_written(self, post_id: str) -> None:
        """A post was written through this process's graph client (after the write)."""
        self._written.append(post_id)
        if len(self._written) > _WRITTEN_KEPT:
            drop = len(self._written) - _WRITTEN_KEPT // 2
            del self._written[:drop]
            self._written_start += drop

    def _written_since(self, posts: int) -> list[str] | None:
        """Ids of the posts written after post write number ``posts`` (None: forgotten)."""
        start = posts - self._written_start
        return None if start < 0 else list(dict.fromkeys(self._written[start:]))

    async def version(self, read_graph: bool = False) -> Version:
        """``read_graph``: read the graph's version even if it was read under a second ago."""
        if read_graph or time.monotonic() - self._graph_read_at >= GRAPH_VERSION_EVERY:
            self._graph_read_at = time.monotonic()
            # When the graph does not answer: the last known version (the figures in memory
            # are served rather than an error).
            with contextlib.suppress(GraphUnavailable):
                self._graph_version = await self.repo.version()
        self._seq += 1
        return Version(
            local=self._shared.local_generation,
            posts=self._written_start + len(self._written),
            shared=await self._shared.generation(),
            graph=self._graph_version,
            seq=self._seq,
        )

    async def _load(self) -> Snapshot:
        started = time.perf_counter()
        # Taken before the read: a write during it shows in the next request.
        version = await self.version(read_graph=True)
        facts = await self.repo.facts()
        # Seconds of CPU on a large organisation: in a thread, off the event loop.
        index = await asyncio.to_thread(DashboardIndex.build, facts)
        snapshot = Snapshot(index, datetime.now(UTC), version)
        self._snapshot, self._loaded_at = snapshot, time.monotonic()
        self._read_seconds = time.perf_counter() - started
        log.info(
            "dashboard.read",
            posts=len(facts.posts),
            people=len(facts.people),
            seconds=round(self._read_seconds, 3),
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

    def _start_refresh(self) -> asyncio.Task[None]:
        if self._refreshing is None or self._refreshing.done():
            self._refreshing = asyncio.create_task(self._refresh())
        return self._refreshing

    def start(self) -> None:
        """Begin the first read in the background: on a large organisation it takes longer
        than a request may wait (the first request starts it; `teamcredit demo` reads at once)."""
        if self._snapshot is None:
            self._start_refresh()

    async def stop(self) -> None:
        if self._refreshing is not None and not self._refreshing.done():
            self._refreshing.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._refreshing

    async def snapshot(self) -> Snapshot:
        if self._snapshot is None:
            task = self._start_refresh()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), FIRST_READ_WAIT)
            if self._snapshot is None:
                raise GraphUnavailable(
                    "the dashboard's figures are still being read from the graph; "
                    "retry in a few seconds"
                )
            return self._snapshot
        snapshot = await self._current(await self.version())
        if time.monotonic() - self._loaded_at > self.refresh_seconds:
            self._start_refresh()
        return snapshot

    async def _current(self, now: Version) -> Snapshot:
        """Figures that include every change up to ``now``, when they can be had in time."""
        snapshot = self._snapshot
        assert snapshot is not None
        change = change_between(snapshot.version, now)
        if change is Change.NONE:
            return snapshot
        if change is Change.POSTS and (caught_up := await self._add_posts(snapshot, now)):
            return caught_up
        # A re-read: waited for when the last one was quick, else in the background.
        deadline = time.monotonic() + (
            FIRST_READ_WAIT if self._read_seconds < FIRST_READ_WAIT else 0
        )
        while change_between(snapshot.version, now) is not Change.NONE:
            task = self._start_refresh()
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.shield(task), remaining)
            assert self._snapshot is not None
            if self._snapshot is snapshot and task.done():
                break  # the read failed: the previous figures (logged by _refresh)
            snapshot = self._snapshot
        return snapshot

    async def _add_posts(self, snapshot: Snapshot, now: Version) -> Snapshot | None:
        """The snapshot with the posts this process wrote since it was read; None when they
        must be read with everything else (forgotten, or by someone the figures do not know).

        One request at a time: a rebuild in a thread reads the index that an addition in
        place would change under it."""
        async with self._adding:
            replaced = self._snapshot is not snapshot
            if not replaced:
                ids = self._written_since(snapshot.version.posts)
                if ids is None:
                    return None
                try:
                    written = await self.repo.post_facts(ids)
                except GraphUnavailable:
                    return snapshot  # the figures as they are; the next request tries again
                replaced = self._snapshot is not snapshot
            if not replaced:
                if not all(p is None or snapshot.index.knows(p) for p in written.values()):
                    return None
                if snapshot.index.rebuilds_for(written):
                    # A new index from the facts in memory (most of a second on 100,000
                    # posts): in a thread, so the event loop keeps answering meanwhile.
                    index = await asyncio.to_thread(snapshot.index.with_posts, written)
                    replaced = self._snapshot is not snapshot
                else:
                    index = snapshot.index.with_posts(written)  # in place: no await
            if not replaced:
                self._snapshot = Snapshot(index, datetime.now(UTC), now)
                return self._snapshot
        # A read replaced the figures meanwhile: start again from those.
        return await self._current(now)

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
