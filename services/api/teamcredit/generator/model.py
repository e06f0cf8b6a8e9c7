"""What the generator builds before it writes the document: plain, mutable objects.

Objects are compared by identity (``eq=False``): two people may share a name, never an id.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from teamcredit.analysis.models import Orientation
from teamcredit.generator.data import CountrySpec


@dataclass(eq=False, slots=True)
class Organization:
    id: str
    name: str
    teams: list[Team] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)  # members of its teams


@dataclass(eq=False, slots=True)
class Team:
    id: str
    name: str
    description: str
    organization: Organization
    home: CountrySpec
    size: int
    members: list[Person] = field(default_factory=list)
    projects: list[Project] = field(default_factory=list)
    insular: bool = False  # planted: its posts name nobody outside the team


@dataclass(eq=False, slots=True)
class Person:
    id: str
    name: str
    handle: str
    country: CountrySpec
    team: Team | None = None
    role: str | None = None
    since: datetime | None = None
    projects: list[Project] = field(default_factory=list)
    activity: float = 1.0  # relative chance of being the author of a given post
    never_credited: bool = False  # planted: contributes, is never named


@dataclass(eq=False, slots=True)
class Project:
    id: str
    name: str
    team: Team
    started: datetime
    contributors: list[Person] = field(default_factory=list)
    roles: list[tuple[str, float]] = field(default_factory=list)  # parallel to contributors
    unposted: bool = False  # planted: nobody posts about it


@dataclass(eq=False, slots=True)
class PlannedPost:
    author: Person
    orientation: Orientation
    language: str
    project: Project | None
    published: datetime
    mentions: list[Person] = field(default_factory=list)
    credits: list[Person] = field(default_factory=list)
    id: str = ""
    text: str = ""


@dataclass(slots=True)
class Organisation:
    """The whole synthetic organisation (several :class:`Organization` nodes)."""

    organizations: list[Organization]
    teams: list[Team]
    people: list[Person]
    projects: list[Project]
    posts: list[PlannedPost] = field(default_factory=list)
    # Planted roles, decided while building the structure.
    hero_team: Team | None = None
    hero: Person | None = None
    star: Person | None = None
    max_post: PlannedPost | None = None
