"""GraphQL inputs shared by several aggregates (a post to store or to analyse)."""

from __future__ import annotations

import strawberry

from teamcredit.services.requests import PostRequest, make_post_request


@strawberry.input(name="MentionInput")
class MentionInput:
    name: str
    handle: str | None = None


@strawberry.input(name="PostInput")
class PostInput:
    text: str = strawberry.field(description="At most 3000 characters, LinkedIn's own limit")
    author_id: strawberry.ID | None = None
    author_handle: str | None = None
    author_name: str | None = None
    mentions: list[MentionInput] | None = None
    urn: str | None = None
    url: str | None = None
    language: str | None = None
    reader_country: str | None = strawberry.field(
        default=None, description="ISO 3166-1 alpha-2 of the reader (extension setting)"
    )
    ui_language: str | None = strawberry.field(
        default=None, description='Language of summary and notes; default "en"'
    )


def to_post_request(value: PostInput, prefix: str = "input") -> PostRequest:
    return make_post_request(
        text=value.text,
        author_id=value.author_id,
        author_handle=value.author_handle,
        author_name=value.author_name,
        mentions=[(m.name, m.handle) for m in value.mentions or []],
        urn=value.urn,
        url=value.url,
        language=value.language,
        reader_country=value.reader_country,
        ui_language=value.ui_language,
        prefix=prefix,
    )
