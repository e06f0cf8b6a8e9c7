"""The project matcher's dictionary, loaded from the graph and kept fresh.

Rebuilt before the next request when this process changes a project. Every ``ttl`` seconds
a background check reads the graph's project version (one tiny statement) and rebuilds only
when another process (an import, another replica) changed projects; requests keep using the
previous dictionary meanwhile. Rebuilding thousands of projects takes most of a second, so
it must not happen on a timer regardless of change.
"""

from __future__ import annotations

import asyncio
import contextlib
import time

import structlog

from teamcredit.analysis.matcher import ProjectMatcher, ProjectTerms
from teamcredit.errors import GraphUnavailable
from teamcredit.graph.projects import ProjectRepository

log = structlog.get_logger(__name__)


class ProjectIndex:
    def __init__(self, projects: ProjectRepository, ttl: float = 15.0) -> None:
        self._projects = projects
        self._ttl = ttl
        self._matcher: ProjectMatcher | None = None
        self._loaded_at = 0.0
        self._lock = asyncio.Lock()
        self._refresh: asyncio.Task[None] | None = None
        self._invalid = False
        self._version = -1

    def invalidate(self) -> None:
        """This process changed a project: the next request waits for the new dictionary."""
        self._loaded_at = 0.0
        self._invalid = True

    async def _load(self) -> None:
        async with self._lock:
            if self._matcher is not None and time.monotonic() - self._loaded_at < self._ttl:
                return
            version = await self._projects.version()
            if self._matcher is not None and not self._invalid and version == self._version:
                self._loaded_at = time.monotonic()
                return
            projects = await self._projects.all()
            terms = [ProjectTerms(p.id, p.name, p.aliases, p.keywords) for p in projects]
            self._matcher = await asyncio.to_thread(ProjectMatcher, terms)
            self._loaded_at = time.monotonic()
            self._invalid = False
            self._version = version

    async def _load_quietly(self) -> None:
        with contextlib.suppress(GraphUnavailable):
            await self._load()

    async def matcher(self) -> ProjectMatcher:
        if self._matcher is None or self._invalid:
            await self._load()
        elif time.monotonic() - self._loaded_at >= self._ttl and (
            self._refresh is None or self._refresh.done()
        ):
            self._refresh = asyncio.create_task(self._load_quietly(), name="project-index")
        assert self._matcher is not None
        return self._matcher
