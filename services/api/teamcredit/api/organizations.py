"""GraphQL for organizations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import strawberry

from teamcredit.api.common import Node
from teamcredit.api.context import Info
from teamcredit.models import Organization
from teamcredit.validation import check_id, check_name

if TYPE_CHECKING:
    from teamcredit.api.teams import TeamType


@strawberry.type(name="Organization")
class OrganizationType(Node):
    id: strawberry.ID
    name: str

    @classmethod
    def of(cls, org: Organization) -> OrganizationType:
        return cls(id=strawberry.ID(org.id), name=org.name)

    @strawberry.field
    async def teams(
        self, info: Info
    ) -> list[Annotated[TeamType, strawberry.lazy("teamcredit.api.teams")]]:
        from teamcredit.api.teams import TeamType

        teams = await info.context.loaders.teams_of_organization.load(self.id)
        return [TeamType.of(t) for t in teams]


@strawberry.input(name="OrganizationInput")
class OrganizationInput:
    id: strawberry.ID
    name: str


@strawberry.type
class OrganizationMutation:
    @strawberry.mutation
    async def upsert_organization(self, info: Info, input: OrganizationInput) -> OrganizationType:
        org = Organization(
            id=check_id("input.id", input.id), name=check_name("input.name", input.name)
        )
        return OrganizationType.of(await info.context.services.organizations.upsert(org))
