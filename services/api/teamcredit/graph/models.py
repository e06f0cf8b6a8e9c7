"""Typed domain objects: what leaves ``graph/``. Records never do."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Organization:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class Team:
    id: str
    name: str
    description: str | None = None
    organization_id: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    handle: str | None = None
    headline: str | None = None
    country: str | None = None
    locale: str | None = None


@dataclass(frozen=True, slots=True)
class Project:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    team_id: str | None = None
    started_at: datetime | None = None
    ended_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class Membership:
    person_id: str
    team_id: str
    role: str | None = None
    since: datetime | None = None


@dataclass(frozen=True, slots=True)
class Contribution:
    person_id: str
    project_id: str
    role: str | None = None
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Post:
    id: str
    text: str
    author_id: str | None = None
    urn: str | None = None
    url: str | None = None
    language: str | None = None
    published_at: datetime | None = None
    orientation: str | None = None
    framing_score: float | None = None
    text_hash: str | None = None


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    items: list[T]
    total: int
    has_next: bool
    end_cursor: str | None = None


@dataclass(frozen=True, slots=True)
class RecognitionCounts:
    posts: int = 0
    individual: int = 0
    balanced: int = 0
    collective: int = 0
    people_credited: int = 0


@dataclass(frozen=True, slots=True)
class CreditCandidates:
    """What the graph knows about who else worked with an author (see credit ranking)."""

    author_id: str
    author_teams: tuple[str, ...] = ()
    contributors: tuple[
        tuple[str, str, str | None, float], ...
    ] = ()  # person, project, role, weight
    teammates: tuple[tuple[str, str], ...] = ()  # person, team
    collaborators: tuple[tuple[str, int], ...] = ()  # person, shared projects + co-mentions
    people: dict[str, Person] = field(default_factory=dict)
