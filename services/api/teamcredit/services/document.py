"""The import document: a JSON organisation (see docs/import.md), validated before any write.

Every problem is reported with its JSON path (``$.people[3].name``) so a person fixing an
HR export knows exactly where to look. Nothing is written unless the whole document is valid.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    ValidationInfo,
    field_validator,
)

from teamcredit.models import to_utc
from teamcredit.validation import (
    MAX_NAME,
    MAX_PERSON_ALIASES,
    MAX_SHORT_TEXT,
    MAX_TEXT,
    distinct_aliases,
    normalize_handle,
)

Id = Annotated[
    str,
    StringConstraints(
        strip_whitespace=True,
        min_length=1,
        max_length=128,
        pattern=r"^[A-Za-z0-9][A-Za-z0-9._:@\-]*$",
    ),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_NAME)]
ShortText = Annotated[str, StringConstraints(max_length=MAX_SHORT_TEXT)]
# Zoned UTC whatever the file gave (a date alone, no offset, an offset): models.to_utc.
Moment = Annotated[datetime, AfterValidator(to_utc)]
Country = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$", to_upper=True)]


class _Doc(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class OrganizationDoc(_Doc):
    id: Id
    name: Name


class TeamDoc(_Doc):
    id: Id
    name: Name
    description: ShortText | None = None
    organizationId: Id | None = None


class PersonDoc(_Doc):
    id: Id
    name: Name
    handle: str | None = None
    headline: ShortText | None = None
    country: Country | None = None
    locale: Annotated[str, StringConstraints(max_length=35)] | None = None
    # The name written another way ("Kenta Tanaka", "タナカ ケンタ" for 田中 健太), read
    # by the already-credited matcher (docs/credit.md).
    aliases: list[Name] = Field(default_factory=list, max_length=MAX_PERSON_ALIASES)

    @field_validator("handle")
    @classmethod
    def _handle(cls, value: str | None) -> str | None:
        try:
            return normalize_handle(value)
        except Exception as exc:
            raise ValueError(str(exc)) from None

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, value: list[str], info: ValidationInfo) -> list[str]:
        # `name` is validated first (field order); when it is invalid, it is reported there.
        return list(distinct_aliases(info.data.get("name") or "", value))


class ProjectDoc(_Doc):
    id: Id
    name: Name
    aliases: list[Name] = Field(default_factory=list, max_length=50)
    keywords: list[Name] = Field(default_factory=list, max_length=50)
    teamId: Id | None = None
    startedAt: Moment | None = None
    endedAt: Moment | None = None


class MembershipDoc(_Doc):
    personId: Id
    teamId: Id
    role: Name | None = None
    since: Moment | None = None


class ContributionDoc(_Doc):
    personId: Id
    projectId: Id
    role: Name | None = None
    weight: float = Field(default=1.0, ge=0, le=100)


class PostDoc(_Doc):
    id: Id | None = None
    authorId: Id
    text: Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
    urn: Annotated[str, StringConstraints(max_length=200)] | None = None
    url: Annotated[str, StringConstraints(max_length=2000)] | None = None
    language: Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}$")] | None = None
    publishedAt: Moment | None = None
    mentions: list[Id] = Field(default_factory=list, max_length=100)
    credits: list[Id] = Field(default_factory=list, max_length=100)
    about: list[Id] | None = None  # None: matched from the text against project names


class ImportDocument(_Doc):
    version: Literal[1] = 1
    organizations: list[OrganizationDoc] = Field(default_factory=list)
    teams: list[TeamDoc] = Field(default_factory=list)
    people: list[PersonDoc] = Field(default_factory=list)
    projects: list[ProjectDoc] = Field(default_factory=list)
    memberships: list[MembershipDoc] = Field(default_factory=list)
    contributions: list[ContributionDoc] = Field(default_factory=list)
    posts: list[PostDoc] = Field(default_factory=list)


class DocumentError(Exception):
    """An invalid document; ``problems`` are ``(json_path, message)`` pairs."""

    def __init__(self, problems: list[tuple[str, str]]) -> None:
        self.problems = problems
        shown = "\n".join(f"  {path}: {msg}" for path, msg in problems[:50])
        more = f"\n  ... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"{len(problems)} problem(s) in the import document:\n{shown}{more}")


def json_path(loc: tuple[int | str, ...]) -> str:
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


def parse_document(raw: Any) -> ImportDocument:
    try:
        doc = ImportDocument.model_validate(raw)
    except ValidationError as exc:
        raise DocumentError([(json_path(e["loc"]), e["msg"]) for e in exc.errors()]) from None
    problems = _duplicates(doc)
    if problems:
        raise DocumentError(problems)
    return doc


def load_document(path: Path) -> ImportDocument:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise DocumentError([("$", f"not UTF-8 text: {exc.reason}")]) from None
    except json.JSONDecodeError as exc:
        raise DocumentError(
            [("$", f"not JSON: {exc.msg} at line {exc.lineno} col {exc.colno}")]
        ) from None
    return parse_document(raw)


def _duplicates(doc: ImportDocument) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    for section in ("organizations", "teams", "people", "projects"):
        seen: dict[str, int] = {}
        for i, item in enumerate(getattr(doc, section)):
            if item.id in seen:
                problems.append(
                    (
                        f"$.{section}[{i}].id",
                        f"duplicate id {item.id!r} (first at [{seen[item.id]}])",
                    )
                )
            seen.setdefault(item.id, i)
    handles: dict[str, int] = {}
    for i, person in enumerate(doc.people):
        if person.handle and person.handle in handles:
            problems.append(
                (
                    f"$.people[{i}].handle",
                    f"handle {person.handle!r} already used at [{handles[person.handle]}]",
                )
            )
        if person.handle:
            handles.setdefault(person.handle, i)
    return problems


def missing_references(doc: ImportDocument) -> dict[str, dict[str, list[str]]]:
    """References not satisfied inside the document: label -> id -> JSON paths that use it."""
    known = {
        "Organization": {o.id for o in doc.organizations},
        "Team": {t.id for t in doc.teams},
        "Person": {p.id for p in doc.people},
        "Project": {p.id for p in doc.projects},
    }
    missing: dict[str, dict[str, list[str]]] = {label: {} for label in known}

    def need(label: str, ref: str | None, path: str) -> None:
        if ref is not None and ref not in known[label]:
            missing[label].setdefault(ref, []).append(path)

    for i, t in enumerate(doc.teams):
        need("Organization", t.organizationId, f"$.teams[{i}].organizationId")
    for i, pr in enumerate(doc.projects):
        need("Team", pr.teamId, f"$.projects[{i}].teamId")
    for i, m in enumerate(doc.memberships):
        need("Person", m.personId, f"$.memberships[{i}].personId")
        need("Team", m.teamId, f"$.memberships[{i}].teamId")
    for i, c in enumerate(doc.contributions):
        need("Person", c.personId, f"$.contributions[{i}].personId")
        need("Project", c.projectId, f"$.contributions[{i}].projectId")
    for i, post in enumerate(doc.posts):
        need("Person", post.authorId, f"$.posts[{i}].authorId")
        for j, ref in enumerate(post.mentions):
            need("Person", ref, f"$.posts[{i}].mentions[{j}]")
        for j, ref in enumerate(post.credits):
            need("Person", ref, f"$.posts[{i}].credits[{j}]")
        for j, ref in enumerate(post.about or ()):
            need("Project", ref, f"$.posts[{i}].about[{j}]")
    return {label: refs for label, refs in missing.items() if refs}
