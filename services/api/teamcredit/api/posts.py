"""GraphQL for posts: storing them (ingestPost), reading them, and accepted credits."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from teamcredit.api.common import Node, PageInfo, build_connection
from teamcredit.api.context import Info
from teamcredit.api.inputs import PostInput, to_post_request
from teamcredit.errors import BadUserInput
from teamcredit.models import Post
from teamcredit.validation import check_id

if TYPE_CHECKING:
    from teamcredit.api.analysis import FramingAnalysisType
    from teamcredit.api.people import PersonType
    from teamcredit.api.projects import ProjectType


@strawberry.type(name="Post")
class PostType(Node):
    id: strawberry.ID
    urn: str | None
    url: str | None
    text: str
    language: str | None
    published_at: datetime | None
    author_id: strawberry.Private[str | None]

    @classmethod
    def of(cls, p: Post) -> PostType:
        return cls(
            id=strawberry.ID(p.id),
            urn=p.urn,
            url=p.url,
            text=p.text,
            language=p.language,
            published_at=p.published_at,
            author_id=p.author_id,
        )

    @strawberry.field(description="Recomputed from the text, with its evidence spans")
    def framing(
        self,
    ) -> Annotated[FramingAnalysisType, strawberry.lazy("teamcredit.api.analysis")]:
        from teamcredit.analysis.framing import analyze_framing
        from teamcredit.api.analysis import FramingAnalysisType

        return FramingAnalysisType.of(analyze_framing(self.text, self.language))

    @strawberry.field
    async def author(
        self, info: Info
    ) -> Annotated[PersonType, strawberry.lazy("teamcredit.api.people")] | None:
        from teamcredit.api.people import PersonType

        if self.author_id is None:
            return None
        person = await info.context.loaders.person.load(self.author_id)
        return PersonType.of(person) if person else None

    async def _linked_people(self, info: Info, kind: str) -> list[PersonType]:
        from teamcredit.api.people import PersonType

        links = await info.context.loaders.post_links.load(self.id)
        ids = getattr(links, kind) if links else ()
        people = await info.context.loaders.person.load_many(list(ids))
        return [PersonType.of(p) for p in people if p is not None]

    @strawberry.field
    async def mentions(
        self, info: Info
    ) -> list[Annotated[PersonType, strawberry.lazy("teamcredit.api.people")]]:
        return await self._linked_people(info, "mentions")

    @strawberry.field
    async def credited(
        self, info: Info
    ) -> list[Annotated[PersonType, strawberry.lazy("teamcredit.api.people")]]:
        return await self._linked_people(info, "credited")

    @strawberry.field
    async def about(
        self, info: Info
    ) -> list[Annotated[ProjectType, strawberry.lazy("teamcredit.api.projects")]]:
        from teamcredit.api.projects import ProjectType

        links = await info.context.loaders.post_links.load(self.id)
        projects = await info.context.loaders.project.load_many(list(links.about if links else ()))
        return [ProjectType.of(p) for p in projects if p is not None]


@strawberry.type(name="PostEdge")
class PostEdge:
    node: PostType
    cursor: str


@strawberry.type(name="PostConnection")
class PostConnection:
    edges: list[PostEdge]
    page_info: PageInfo
    total_count: int


@strawberry.type
class PostQuery:
    @strawberry.field
    async def post(
        self, info: Info, id: strawberry.ID | None = None, urn: str | None = None
    ) -> PostType | None:
        if (id is None) == (urn is None):
            raise BadUserInput("give exactly one of id or urn")
        if id is not None:
            found = await info.context.loaders.post.load(id)
        else:
            found = await info.context.services.posts.by_urn(urn or "")
        return PostType.of(found) if found else None

    @strawberry.field
    async def posts(
        self,
        info: Info,
        author_id: strawberry.ID | None = None,
        team_id: strawberry.ID | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> PostConnection:
        page = await info.context.services.posts.page(
            first,
            after,
            author_id=check_id("authorId", author_id) if author_id else None,
            team_id=check_id("teamId", team_id) if team_id else None,
        )
        return build_connection(PostConnection, PostEdge, page, PostType.of)


@strawberry.type
class PostMutation:
    @strawberry.mutation(description="Stores a post; idempotent on urn, else on author + text.")
    async def ingest_post(self, info: Info, input: PostInput) -> PostType:
        post = await info.context.services.ingest.ingest(to_post_request(input))
        return PostType.of(post)

    @strawberry.mutation
    async def accept_credit(
        self, info: Info, post_id: strawberry.ID, person_id: strawberry.ID
    ) -> PostType:
        services = info.context.services
        post = await services.posts.accept_credit(
            check_id("postId", post_id), check_id("personId", person_id)
        )
        services.dashboard.post_written(post.id)
        return PostType.of(post)
