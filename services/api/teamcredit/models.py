"""The domain model: the values every layer shares, and nothing else.

What ``graph/`` returns (records never leave it), what ``services/`` passes around, what
``api/`` and ``cli/`` render, and the facts ``analysis/`` ranks. Plain frozen dataclasses and
the page cursor codec, and the UTC rule for moments: no I/O, and no import of ours but
``errors`` (tests/unit/test_layers.py).
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Generic, TypeVar

from teamcredit.errors import BadUserInput

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
    # The same name written another way, mostly in another script: "Kenta Tanaka" and
    # "タナカ ケンタ" for 田中 健太. Posts name people as they write them, so the
    # already-credited matcher reads these too (docs/credit.md).
    aliases: tuple[str, ...] = ()


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
    # The framing's calibrated confidence, and whether it was under the model's
    # mixed_signals_below (the product then shows "mixed signals", not the orientation).
    # None on posts stored before these were kept (docs/graph-model.md, Framing on posts).
    framing_confidence: float | None = None
    mixed_signals: bool | None = None


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
    # Posts whose framing was mixed signals: counted here, in none of the orientations above.
    mixed_signals: int = 0
    # Posts stored before the mixed-signals flag was kept: in none of the above until
    # `teamcredit reframe` judges them (docs/graph-model.md, Framing on posts).
    not_judged: int = 0


@dataclass(frozen=True, slots=True)
class PostFact:
    """What the recognition dashboard needs of a post: no text, only who, when and how framed."""

    id: str
    author_id: str
    month: str  # YYYY-MM of publication (creation when unknown)
    orientation: str | None = None  # the verdict shown: None when mixed signals or not judged
    mixed_signals: bool | None = None  # None: stored before the flag was kept
    url: str | None = None
    named: tuple[str, ...] = ()  # people mentioned or credited, the author left out
    about: tuple[str, ...] = ()  # project ids


@dataclass(frozen=True, slots=True)
class DashboardFacts:
    """One read of everything the dashboard aggregates (services/dashboard.py keeps it)."""

    organizations: tuple[Organization, ...] = ()
    teams: tuple[Team, ...] = ()
    people: tuple[Person, ...] = ()
    memberships: tuple[Membership, ...] = ()
    projects: tuple[Project, ...] = ()
    contributions: tuple[Contribution, ...] = ()
    posts: tuple[PostFact, ...] = ()


@dataclass(frozen=True, slots=True)
class TeamMember:
    """A candidate for credit found through a team (see analysis/credit.py)."""

    person_id: str
    team_id: str
    project_id: str | None = None  # set when the team owns a project the post is about
    author_id: str | None = None  # set when it is the author's own team


@dataclass(frozen=True, slots=True)
class PostLinks:
    mentions: tuple[str, ...] = ()
    about: tuple[str, ...] = ()
    credited: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredKey:
    """An API key as stored: a salted hash, never the secret."""

    id: str
    name: str
    salt: str
    hash: str
    scopes: tuple[str, ...]
    created_at: datetime | None
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


# Opaque page cursors over a stable sort key (the node id).
_CURSOR_PREFIX = "tc1:"
MAX_FIRST = 100


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode((_CURSOR_PREFIX + key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> str | None:
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        raise BadUserInput("invalid cursor", field="after") from None
    if not raw.startswith(_CURSOR_PREFIX):
        raise BadUserInput("invalid cursor", field="after")
    return raw[len(_CURSOR_PREFIX) :]


def check_first(first: int) -> int:
    if first < 0 or first > MAX_FIRST:
        raise BadUserInput(f"first must be between 0 and {MAX_FIRST}", field="first")
    return first


# --- moments ----------------------------------------------------------------------------
# Every moment TeamCredit stores or compares is a zoned UTC datetime.
#
# Neo4j keeps a zone-less value as a LOCAL DATETIME, and comparing one with a zoned DATETIME
# (``datetime()``, ``createdAt``) gives null: a post published "2025-03-01" would silently drop
# out of every ``since`` filter. So each way in (the import document and its CSV files, GraphQL
# arguments, the generator) turns what it is given into UTC here: a date alone is midnight UTC,
# a time without an offset is read as UTC, and an offset is converted.


def to_utc(value: datetime | date) -> datetime:
    if not isinstance(value, datetime):
        return datetime.combine(value, time(), tzinfo=UTC)
    if value.tzinfo is None or value.utcoffset() is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def parse_utc(text: str) -> datetime:
    """ISO 8601 text (a date, or a date and time with or without an offset) as UTC."""
    return to_utc(datetime.fromisoformat(text.strip()))
