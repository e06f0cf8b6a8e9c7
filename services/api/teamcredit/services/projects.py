"""Writing projects and contributions: the rule that a project write refreshes the matcher."""

from __future__ import annotations

from teamcredit.graph.projects import ProjectRepository
from teamcredit.models import Contribution, Project
from teamcredit.services.project_index import ProjectIndex


class ProjectChanges:
    def __init__(self, projects: ProjectRepository, index: ProjectIndex) -> None:
        self._projects = projects
        self._index = index

    async def upsert(self, project: Project) -> Project:
        saved = await self._projects.upsert(project)
        # Names and aliases feed the matcher that finds a post's projects: this process's
        # next analysis must see them (other processes notice through the index's version).
        self._index.invalidate()
        return saved

    async def add_contribution(
        self, person_id: str, project_id: str, role: str | None, weight: float
    ) -> Contribution:
        return await self._projects.add_contribution(person_id, project_id, role, weight)

    async def remove_contribution(self, person_id: str, project_id: str) -> bool:
        return await self._projects.remove_contribution(person_id, project_id)
