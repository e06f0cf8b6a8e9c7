"""The project matcher's dictionary, loaded from the graph and kept fresh.

Rebuilt before the next request when this process changes a project, and in the background
at most ``ttl`` seconds after another process (an import, another replica) did: requests
keep using the previous dictionary meanwhile, and the regular expression is compiled in a
worker thread (thousands of projects take most of a second to compile).
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
    def __init__(self, projects: ProjectRepository, ttl: float = 60.0) -> None:
        self._projects = projects
        self._ttl = ttl
        self._matcher: ProjectMatcher | None = None
        self._loaded_at = 0.0
        self._lock = asyncio.Lock()
        self._refresh: asyncio.Task[None] | None = None
        self._invalid = False

    def invalidate(self) -> None:
        """This process changed a project: the next request waits for the new dictionary."""
        self._loaded_at = 0.0
        self._invalid = True

    async def _load(self) -> None:
        async with self._lock:
            if self._matcher is not None and time.monotonic() - self._loaded_at < self._ttl:
                return
            projects = await self._projects.all()
            terms = [ProjectTerms(p.id, p.name, p.aliases, p.keywords) for p in projects]
            self._matcher = await asyncio.to_thread(ProjectMatcher, terms)
            self._loaded_at = time.monotonic()
            self._invalid = False

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
