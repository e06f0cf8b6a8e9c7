"""A post as a caller describes it (GraphQL PostInput, CLI JSONL, import), validated once."""

from __future__ import annotations

import re
from dataclasses import dataclass

from teamcredit.errors import BadUserInput
from teamcredit.validation import (
    check_country,
    check_id,
    check_name,
    check_optional,
    check_post_text,
    normalize_handle,
)

MAX_MENTIONS = 50
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True, slots=True)
class MentionRef:
    name: str
    handle: str | None = None


@dataclass(frozen=True, slots=True)
class PostRequest:
    text: str
    author_id: str | None = None
    author_handle: str | None = None
    author_name: str | None = None
    mentions: tuple[MentionRef, ...] = ()
    urn: str | None = None
    url: str | None = None
    language: str | None = None
    reader_country: str | None = None
    ui_language: str = "en"


def _language(field: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if not _LANG.match(value.strip()):
        raise BadUserInput(f"{field} must be a BCP 47 tag such as 'fr' or 'en-GB'", field=field)
    return value.strip().split("-")[0].lower()


def make_post_request(
    text: str,
    author_id: str | None = None,
    author_handle: str | None = None,
    author_name: str | None = None,
    mentions: list[tuple[str, str | None]] | None = None,
    urn: str | None = None,
    url: str | None = None,
    language: str | None = None,
    reader_country: str | None = None,
    ui_language: str | None = None,
    prefix: str = "input",
) -> PostRequest:
    mentions = mentions or []
    if len(mentions) > MAX_MENTIONS:
        raise BadUserInput(f"{prefix}.mentions holds at most {MAX_MENTIONS} entries")
    return PostRequest(
        text=check_post_text(f"{prefix}.text", text),
        author_id=check_id(f"{prefix}.authorId", author_id) if author_id else None,
        author_handle=normalize_handle(author_handle),
        author_name=check_optional(f"{prefix}.authorName", author_name, 200),
        mentions=tuple(
            MentionRef(
                name=check_name(f"{prefix}.mentions[{i}].name", name),
                handle=normalize_handle(handle),
            )
            for i, (name, handle) in enumerate(mentions)
        ),
        urn=check_optional(f"{prefix}.urn", urn, 200),
        url=check_optional(f"{prefix}.url", url, 2000),
        language=_language(f"{prefix}.language", language),
        reader_country=check_country(f"{prefix}.readerCountry", reader_country),
        ui_language=_language(f"{prefix}.uiLanguage", ui_language) or "en",
    )
