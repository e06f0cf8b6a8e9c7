"""The project matcher's dictionary, loaded from the graph and kept fresh.

Rebuilt when this process changes a project, and at most ``ttl`` seconds after another
process (an import, another replica) did.
"""

from __future__ import annotations

import asyncio
import time

from teamcredit.analysis.matcher import ProjectMatcher, ProjectTerms
from teamcredit.graph.projects import ProjectRepository


class ProjectIndex:
    def __init__(self, projects: ProjectRepository, ttl: float = 30.0) -> None:
        self._projects = projects
        self._ttl = ttl
        self._matcher: ProjectMatcher | None = None
        self._loaded_at = 0.0
        self._lock = asyncio.Lock()

    def invalidate(self) -> None:
        self._loaded_at = 0.0

    async def matcher(self) -> ProjectMatcher:
        if self._matcher is not None and time.monotonic() - self._loaded_at < self._ttl:
            return self._matcher
        async with self._lock:
            if self._matcher is None or time.monotonic() - self._loaded_at >= self._ttl:
                projects = await self._projects.all()
                terms = [ProjectTerms(p.id, p.name, p.aliases, p.keywords) for p in projects]
                self._matcher = ProjectMatcher(terms)
                self._loaded_at = time.monotonic()
        return self._matcher

    def cached(self) -> ProjectMatcher | None:
        """The last dictionary, even if stale: what degraded mode matches against."""
        return self._matcher
