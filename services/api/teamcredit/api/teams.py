"""GraphQL for teams and memberships."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from teamcredit.api.common import Node, PageInfo, build_connection
from teamcredit.api.context import Info
from teamcredit.errors import NotFound
from teamcredit.models import Membership, Team
from teamcredit.validation import check_id, check_name, check_optional

if TYPE_CHECKING:
    from teamcredit.api.analysis import RecognitionStatsType
    from teamcredit.api.organizations import OrganizationType
    from teamcredit.api.people import PersonType
    from teamcredit.api.projects import ProjectType


@strawberry.type(name="Team")
class TeamType(Node):
    id: strawberry.ID
    name: str
    description: str | None
    organization_id: strawberry.Private[str | None]

    @classmethod
    def of(cls, team: Team) -> TeamType:
        return cls(
            id=strawberry.ID(team.id),
            name=team.name,
            description=team.description,
            organization_id=team.organization_id,
        )

    @strawberry.field
    async def organization(
        self, info: Info
    ) -> Annotated[OrganizationType, strawberry.lazy("teamcredit.api.organizations")] | None:
        from teamcredit.api.organizations import OrganizationType

        if self.organization_id is None:
            return None
        org = await info.context.loaders.organization.load(self.organization_id)
        return OrganizationType.of(org) if org else None

    @strawberry.field
    async def recognition(
        self, info: Info, since: datetime | None = None
    ) -> Annotated[RecognitionStatsType, strawberry.lazy("teamcredit.api.analysis")]:
        from teamcredit.api.analysis import RecognitionStatsType
        from teamcredit.errors import Forbidden

        reason = await info.context.services.recognition.team_withheld(self.id)
        if reason is not None:
            raise Forbidden(reason, privacyFloor=True)
        counts = await info.context.loaders.team_recognition.load((self.id, since))
        return RecognitionStatsType.of(counts)

    @strawberry.field
    async def members(self, info: Info) -> list[MembershipType]:
        return [
            MembershipType.of(m) for m in await info.context.loaders.members_of_team.load(self.id)
        ]

    @strawberry.field
    async def projects(
        self, info: Info
    ) -> list[Annotated[ProjectType, strawberry.lazy("teamcredit.api.projects")]]:
        from teamcredit.api.projects import ProjectType

        return [
            ProjectType.of(p) for p in await info.context.loaders.projects_of_team.load(self.id)
        ]


@strawberry.type(name="Membership")
class MembershipType:
    role: str | None
    since: datetime | None
    person_id: strawberry.Private[str]
    team_id: strawberry.Private[str]

    @classmethod
    def of(cls, m: Membership) -> MembershipType:
        return cls(role=m.role, since=m.since, person_id=m.person_id, team_id=m.team_id)

    @strawberry.field
    async def person(
        self, info: Info
    ) -> Annotated[PersonType, strawberry.lazy("teamcredit.api.people")]:
        from teamcredit.api.people import load_person

        return await load_person(info, self.person_id)

    @strawberry.field
    async def team(self, info: Info) -> TeamType:
        team = await info.context.loaders.team.load(self.team_id)
        if team is None:
            raise NotFound(f"team {self.team_id!r} is gone")
        return TeamType.of(team)


@strawberry.type(name="TeamEdge")
class TeamEdge:
    node: TeamType
    cursor: str


@strawberry.type(name="TeamConnection")
class TeamConnection:
    edges: list[TeamEdge]
    page_info: PageInfo
    total_count: int


@strawberry.input(name="TeamInput")
class TeamInput:
    id: strawberry.ID
    name: str
    description: str | None = None
    organization_id: strawberry.ID | None = None


@strawberry.type
class TeamQuery:
    @strawberry.field
    async def team(self, info: Info, id: strawberry.ID) -> TeamType | None:
        team = await info.context.loaders.team.load(id)
        return TeamType.of(team) if team else None

    @strawberry.field
    async def teams(self, info: Info, first: int = 20, after: str | None = None) -> TeamConnection:
        page = await info.context.services.teams.page(first, after)
        return build_connection(TeamConnection, TeamEdge, page, TeamType.of)


@strawberry.type
class TeamMutation:
    @strawberry.mutation
    async def upsert_team(self, info: Info, input: TeamInput) -> TeamType:
        team = Team(
            id=check_id("input.id", input.id),
            name=check_name("input.name", input.name),
            description=check_optional("input.description", input.description),
            organization_id=(
                check_id("input.organizationId", input.organization_id)
                if input.organization_id
                else None
            ),
        )
        return TeamType.of(await info.context.services.teams.upsert(team))

    @strawberry.mutation
    async def add_membership(
        self,
        info: Info,
        person_id: strawberry.ID,
        team_id: strawberry.ID,
        role: str | None = None,
        since: datetime | None = None,
    ) -> MembershipType:
        m = await info.context.services.teams.add_membership(
            check_id("personId", person_id),
            check_id("teamId", team_id),
            check_optional("role", role, 200),
            since,
        )
        return MembershipType.of(m)

    @strawberry.mutation
    async def remove_membership(
        self, info: Info, person_id: strawberry.ID, team_id: strawberry.ID
    ) -> bool:
        return await info.context.services.teams.remove_membership(
            check_id("personId", person_id), check_id("teamId", team_id)
        )
