"""The ``node(id)`` entry point over every aggregate."""

from __future__ import annotations

import strawberry

from teamcredit.api.common import Node
from teamcredit.api.context import Info


@strawberry.type
class NodeQuery:
    @strawberry.field
    async def node(self, info: Info, id: strawberry.ID) -> Node | None:
        from teamcredit.api.organizations import OrganizationType
        from teamcredit.api.people import PersonType
        from teamcredit.api.posts import PostType
        from teamcredit.api.projects import ProjectType
        from teamcredit.api.teams import TeamType

        loaders = info.context.loaders
        label = await info.context.services.nodes.label_of(id)
        if label == "Organization" and (org := await loaders.organization.load(id)):
            return OrganizationType.of(org)
        if label == "Team" and (team := await loaders.team.load(id)):
            return TeamType.of(team)
        if label == "Person" and (person := await loaders.person.load(id)):
            return PersonType.of(person)
        if label == "Project" and (project := await loaders.project.load(id)):
            return ProjectType.of(project)
        if label == "Post" and (post := await loaders.post.load(id)):
            return PostType.of(post)
        return None
