"""GraphQL for people."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from teamcredit.api.common import Node, PageInfo, build_connection
from teamcredit.api.context import Info
from teamcredit.errors import BadUserInput, NotFound
from teamcredit.models import Person
from teamcredit.validation import (
    MAX_PERSON_ALIASES,
    check_country,
    check_id,
    check_name,
    check_names,
    check_optional,
    distinct_aliases,
    normalize_handle,
)

if TYPE_CHECKING:
    from teamcredit.api.analysis import CultureType, RecognitionStatsType
    from teamcredit.api.posts import PostConnection
    from teamcredit.api.projects import ContributionType
    from teamcredit.api.teams import MembershipType


@strawberry.type(name="Person")
class PersonType(Node):
    id: strawberry.ID
    name: str
    handle: str | None = strawberry.field(description="LinkedIn public handle, normalised")
    headline: str | None
    aliases: list[str] = strawberry.field(
        description="The name written other ways, mostly in other scripts (a romanised name, "
        "a kana reading); a post that writes one credits the person"
    )
    country_code: strawberry.Private[str | None]

    @classmethod
    def of(cls, p: Person) -> PersonType:
        return cls(
            id=strawberry.ID(p.id),
            name=p.name,
            handle=p.handle,
            headline=p.headline,
            aliases=list(p.aliases),
            country_code=p.country,
        )

    @strawberry.field(name="country")
    def country(self) -> Annotated[CultureType, strawberry.lazy("teamcredit.api.analysis")] | None:
        from teamcredit.analysis.culture import get_culture
        from teamcredit.api.analysis import CultureType

        return CultureType.of(get_culture(self.country_code))

    @strawberry.field
    async def recognition(
        self, info: Info, since: datetime | None = None
    ) -> Annotated[RecognitionStatsType, strawberry.lazy("teamcredit.api.analysis")]:
        from teamcredit.api.analysis import RecognitionStatsType

        counts = await info.context.loaders.person_recognition.load((self.id, since))
        return RecognitionStatsType.of(counts)

    @strawberry.field
    async def memberships(
        self, info: Info
    ) -> list[Annotated[MembershipType, strawberry.lazy("teamcredit.api.teams")]]:
        from teamcredit.api.teams import MembershipType

        found = await info.context.loaders.memberships_of_person.load(self.id)
        return [MembershipType.of(m) for m in found]

    @strawberry.field
    async def contributions(
        self, info: Info
    ) -> list[Annotated[ContributionType, strawberry.lazy("teamcredit.api.projects")]]:
        from teamcredit.api.projects import ContributionType

        found = await info.context.loaders.contributions_of_person.load(self.id)
        return [ContributionType.of(c) for c in found]

    @strawberry.field
    async def posts(
        self, info: Info, first: int = 20, after: str | None = None
    ) -> Annotated[PostConnection, strawberry.lazy("teamcredit.api.posts")]:
        from teamcredit.api.posts import PostConnection, PostEdge, PostType

        page = await info.context.services.posts.page(first, after, author_id=self.id)
        return build_connection(PostConnection, PostEdge, page, PostType.of)


async def load_person(info: Info, person_id: str) -> PersonType:
    """The person an edge points to (memberships, contributions); NOT_FOUND if just erased."""
    person = await info.context.loaders.person.load(person_id)
    if person is None:
        raise NotFound(f"person {person_id!r} is gone")
    return PersonType.of(person)


@strawberry.type(name="PersonEdge")
class PersonEdge:
    node: PersonType
    cursor: str


@strawberry.type(name="PersonConnection")
class PersonConnection:
    edges: list[PersonEdge]
    page_info: PageInfo
    total_count: int


@strawberry.input(name="PersonInput")
class PersonInput:
    id: strawberry.ID
    name: str
    handle: str | None = None
    headline: str | None = None
    country: str | None = None
    locale: str | None = None
    aliases: list[str] | None = strawberry.field(
        default=None,
        description=f"The name written other ways, at most {MAX_PERSON_ALIASES}; repeats of "
        "the name or of another alias are dropped",
    )


@strawberry.type
class PersonQuery:
    @strawberry.field
    async def person(
        self, info: Info, id: strawberry.ID | None = None, handle: str | None = None
    ) -> PersonType | None:
        if (id is None) == (handle is None):
            raise BadUserInput("give exactly one of id or handle")
        if id is not None:
            found = await info.context.loaders.person.load(id)
        else:
            normal = normalize_handle(handle)
            found = (await info.context.services.people.by_handles([normal or ""])).get(
                normal or ""
            )
        return PersonType.of(found) if found else None

    @strawberry.field
    async def people(
        self, info: Info, search: str | None = None, first: int = 20, after: str | None = None
    ) -> PersonConnection:
        search = check_optional("search", search, 100)
        page = await info.context.services.people.page(search, first, after)
        return build_connection(PersonConnection, PersonEdge, page, PersonType.of)


@strawberry.type
class PersonMutation:
    @strawberry.mutation
    async def upsert_person(self, info: Info, input: PersonInput) -> PersonType:
        name = check_name("input.name", input.name)
        aliases = check_names("input.aliases", input.aliases, MAX_PERSON_ALIASES)
        person = Person(
            id=check_id("input.id", input.id),
            name=name,
            handle=normalize_handle(input.handle),
            headline=check_optional("input.headline", input.headline),
            country=check_country("input.country", input.country),
            locale=check_optional("input.locale", input.locale, 35),
            aliases=distinct_aliases(name, aliases),
        )
        return PersonType.of(await info.context.services.people.upsert(person))

    @strawberry.mutation(description="Removes the person, their posts and every edge to them.")
    async def erase_person(self, info: Info, id: strawberry.ID) -> bool:
        if not await info.context.services.people.erase(check_id("id", id)):
            raise NotFound(f"no person with id {id!r}")
        return True
