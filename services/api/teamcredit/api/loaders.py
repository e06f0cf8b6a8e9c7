"""Per-request DataLoaders: however many parents a page has, each relation costs one statement."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TypeVar

from strawberry.dataloader import DataLoader

from teamcredit.models import (
    Contribution,
    Membership,
    Organization,
    Person,
    Post,
    PostLinks,
    Project,
    RecognitionCounts,
    Team,
)
from teamcredit.services.container import Services

K = TypeVar("K")
V = TypeVar("V")


def _one(fetch: Callable[[Sequence[str]], Awaitable[Mapping[str, V]]]) -> DataLoader[str, V | None]:
    async def load(keys: list[str]) -> list[V | None]:
        found = await fetch(keys)
        return [found.get(k) for k in keys]

    return DataLoader(load_fn=load)


def _many(
    fetch: Callable[[Sequence[str]], Awaitable[Mapping[str, list[V]]]],
) -> DataLoader[str, list[V]]:
    async def load(keys: list[str]) -> list[list[V]]:
        found = await fetch(keys)
        return [found.get(k, []) for k in keys]

    return DataLoader(load_fn=load)


RecognitionKey = tuple[str, datetime | None]


def _recognition(
    fetch: Callable[[Sequence[str], datetime | None], Awaitable[Mapping[str, RecognitionCounts]]],
) -> DataLoader[RecognitionKey, RecognitionCounts]:
    """Keys are (id, since): one statement per distinct ``since`` in the request."""

    async def load(keys: list[RecognitionKey]) -> list[RecognitionCounts]:
        by_since: dict[datetime | None, list[str]] = {}
        for key_id, since in keys:
            by_since.setdefault(since, []).append(key_id)
        found: dict[RecognitionKey, RecognitionCounts] = {}
        for since, ids in by_since.items():
            for key_id, counts in (await fetch(ids, since)).items():
                found[(key_id, since)] = counts
        return [found.get(k, RecognitionCounts()) for k in keys]

    return DataLoader(load_fn=load)


@dataclass
class Loaders:
    organization: DataLoader[str, Organization | None]
    team: DataLoader[str, Team | None]
    person: DataLoader[str, Person | None]
    project: DataLoader[str, Project | None]
    post: DataLoader[str, Post | None]
    teams_of_organization: DataLoader[str, list[Team]]
    members_of_team: DataLoader[str, list[Membership]]
    projects_of_team: DataLoader[str, list[Project]]
    memberships_of_person: DataLoader[str, list[Membership]]
    contributions_of_person: DataLoader[str, list[Contribution]]
    contributors_of_project: DataLoader[str, list[Contribution]]
    post_links: DataLoader[str, PostLinks | None]
    person_recognition: DataLoader[RecognitionKey, RecognitionCounts]
    team_recognition: DataLoader[RecognitionKey, RecognitionCounts]

    @classmethod
    def build(cls, s: Services) -> Loaders:
        return cls(
            organization=_one(s.organizations.get_many),
            team=_one(s.teams.get_many),
            person=_one(s.people.get_many),
            project=_one(s.projects.get_many),
            post=_one(s.posts.get_many),
            teams_of_organization=_many(s.teams.by_organization),
            members_of_team=_many(s.teams.members),
            projects_of_team=_many(s.projects.by_team),
            memberships_of_person=_many(s.people.memberships),
            contributions_of_person=_many(s.people.contributions),
            contributors_of_project=_many(s.projects.contributors),
            post_links=_one(s.posts.links),
            person_recognition=_recognition(s.recognition.repo.for_people),
            team_recognition=_recognition(s.recognition.repo.for_teams),
        )
