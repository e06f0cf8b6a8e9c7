"""GraphQL for projects and contributions."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from teamcredit.api.common import Node
from teamcredit.api.context import Info
from teamcredit.errors import NotFound
from teamcredit.models import Contribution, Project
from teamcredit.validation import check_id, check_name, check_names, check_optional, check_weight

if TYPE_CHECKING:
    from teamcredit.api.people import PersonType
    from teamcredit.api.teams import TeamType


@strawberry.type(name="Project")
class ProjectType(Node):
    id: strawberry.ID
    name: str
    aliases: list[str]
    team_id: strawberry.Private[str | None]

    @classmethod
    def of(cls, p: Project) -> ProjectType:
        return cls(id=strawberry.ID(p.id), name=p.name, aliases=list(p.aliases), team_id=p.team_id)

    @strawberry.field
    async def team(
        self, info: Info
    ) -> Annotated[TeamType, strawberry.lazy("teamcredit.api.teams")] | None:
        from teamcredit.api.teams import TeamType

        if self.team_id is None:
            return None
        team = await info.context.loaders.team.load(self.team_id)
        return TeamType.of(team) if team else None

    @strawberry.field
    async def contributors(self, info: Info) -> list[ContributionType]:
        found = await info.context.loaders.contributors_of_project.load(self.id)
        return [ContributionType.of(c) for c in found]


@strawberry.type(name="Contribution")
class ContributionType:
    role: str | None
    weight: float
    person_id: strawberry.Private[str]
    project_id: strawberry.Private[str]

    @classmethod
    def of(cls, c: Contribution) -> ContributionType:
        return cls(role=c.role, weight=c.weight, person_id=c.person_id, project_id=c.project_id)

    @strawberry.field
    async def person(
        self, info: Info
    ) -> Annotated[PersonType, strawberry.lazy("teamcredit.api.people")]:
        from teamcredit.api.people import load_person

        return await load_person(info, self.person_id)

    @strawberry.field
    async def project(self, info: Info) -> ProjectType:
        project = await info.context.loaders.project.load(self.project_id)
        if project is None:
            raise NotFound(f"project {self.project_id!r} is gone")
        return ProjectType.of(project)


@strawberry.input(name="ProjectInput")
class ProjectInput:
    id: strawberry.ID
    name: str
    aliases: list[str] | None = None
    keywords: list[str] | None = None
    team_id: strawberry.ID | None = None


@strawberry.type
class ProjectQuery:
    @strawberry.field
    async def project(self, info: Info, id: strawberry.ID) -> ProjectType | None:
        project = await info.context.loaders.project.load(id)
        return ProjectType.of(project) if project else None


def _terms(field: str, values: list[str] | None) -> tuple[str, ...]:
    return check_names(field, values, 50)


@strawberry.type
class ProjectMutation:
    @strawberry.mutation
    async def upsert_project(self, info: Info, input: ProjectInput) -> ProjectType:
        project = Project(
            id=check_id("input.id", input.id),
            name=check_name("input.name", input.name),
            aliases=_terms("input.aliases", input.aliases),
            keywords=_terms("input.keywords", input.keywords),
            team_id=check_id("input.teamId", input.team_id) if input.team_id else None,
        )
        saved = await info.context.services.project_changes.upsert(project)
        return ProjectType.of(saved)

    @strawberry.mutation
    async def add_contribution(
        self,
        info: Info,
        person_id: strawberry.ID,
        project_id: strawberry.ID,
        role: str | None = None,
        weight: float = 1.0,
    ) -> ContributionType:
        c = await info.context.services.project_changes.add_contribution(
            check_id("personId", person_id),
            check_id("projectId", project_id),
            check_optional("role", role, 200),
            check_weight("weight", weight),
        )
        return ContributionType.of(c)

    @strawberry.mutation
    async def remove_contribution(
        self, info: Info, person_id: strawberry.ID, project_id: strawberry.ID
    ) -> bool:
        return await info.context.services.project_changes.remove_contribution(
            check_id("personId", person_id), check_id("projectId", project_id)
        )
