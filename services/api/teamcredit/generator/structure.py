"""Organisations, teams, people and projects, with the structural answers planted.

Planted here: people in no team, teams under the privacy floor, insular teams, the team
whose credit goes to one "hero", the most credited person ("star"), contributors nobody
names, projects nobody posts about. The posts (posts.py) then respect those roles.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from itertools import product
from typing import TypeVar

from teamcredit.generator import data
from teamcredit.generator.data import CountrySpec
from teamcredit.generator.model import Organisation, Organization, Person, Project, Team
from teamcredit.generator.shape import Shape

T = TypeVar("T")

_EPOCH = datetime(2018, 1, 1, tzinfo=UTC)


def pick(rng: random.Random, weighted: Sequence[tuple[T, float]]) -> T:
    values = [value for value, _ in weighted]
    return rng.choices(values, weights=[weight for _, weight in weighted])[0]


def day_between(rng: random.Random, first: datetime, last: datetime) -> datetime:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def slug(text: str) -> str:
    """ASCII, lower case, dashes: 'Zoë de Jong' -> 'zoe-de-jong' (handles are ASCII)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    parts = "".join(c if c.isalnum() else " " for c in folded.lower()).split()
    return "-".join(parts)


def _share(count: int, share: float, least: int) -> int:
    return max(least, round(count * share))


def _team_sizes(rng: random.Random, people: int, small: int, shape: Shape) -> list[int]:
    sizes = [rng.choice((3, 4)) for _ in range(small)]
    remaining = people - sum(sizes)
    biggest = max(size for size, _ in shape.team_sizes)
    while remaining > biggest:
        size = pick(rng, shape.team_sizes)
        if remaining - size < 5:  # never leave a remainder that would be another small team
            size = remaining - 5
        sizes.append(size)
        remaining -= size
    sizes.append(remaining)
    rng.shuffle(sizes)
    return sizes


class _Namer:
    """Unique team and project names; ids numbered in creation order."""

    def __init__(self, rng: random.Random) -> None:
        words = data.words()
        self._rng = rng
        self._team_names = [f"{a} {f}" for a, f in product(words.team_areas, words.team_functions)]
        self._projects = [
            f"{a} {n}" for a, n in product(words.project_adjectives, words.project_nouns)
        ]
        rng.shuffle(self._projects)
        # Team names are unique within an organisation; two companies may both have a
        # "Payments Platform".
        self._teams: dict[str, tuple[list[str], int]] = {}
        self.teams_made = 0
        self.projects_made = 0

    def team(self, organization: Organization) -> tuple[str, str]:
        names, used = self._teams.get(organization.id, ([], 0))
        if not names:
            names = list(self._team_names)
            self._rng.shuffle(names)
        name = names[used % len(names)]
        if used >= len(names):  # more teams than names in one organisation: number them
            name += f" {used // len(names) + 1}"
        self._teams[organization.id] = (names, used + 1)
        self.teams_made += 1
        return f"t-{self.teams_made:04d}", name

    def project(self) -> tuple[str, str]:
        name = self._projects[self.projects_made % len(self._projects)]
        if self.projects_made >= len(self._projects):
            name += f" {self.projects_made // len(self._projects) + 1}"
        self.projects_made += 1
        return f"pr-{self.projects_made:04d}", name


class _People:
    def __init__(self, rng: random.Random, total: int) -> None:
        self._rng = rng
        self._width = max(5, len(str(total)))
        self._countries = data.countries()
        self._weights = [c.weight for c in self._countries]
        self.made: list[Person] = []

    def country(self) -> CountrySpec:
        return self._rng.choices(self._countries, weights=self._weights)[0]

    def new(self, country: CountrySpec) -> Person:
        pool = data.name_pools()[country.names]
        name = f"{self._rng.choice(pool.given)} {self._rng.choice(pool.family)}"
        number = len(self.made) + 1
        person = Person(
            id=f"p-{number:0{self._width}d}",
            name=name,
            handle=f"{slug(name)}-{number}",
            country=country,
            activity=self._rng.lognormvariate(0.0, 0.8),
        )
        self.made.append(person)
        return person


def build_structure(rng: random.Random, people: int, shape: Shape) -> Organisation:
    words = data.words()
    namer = _Namer(rng)
    makers = _People(rng, people)
    n_orgs = min(len(words.organizations), max(2, round(people / shape.people_per_organization)))
    organizations = [
        Organization(id=f"org-{slug(name)}", name=name) for name in words.organizations[:n_orgs]
    ]
    # The first organisation is the largest: the star's posts come from there.
    org_weights = [2.0 if i == 0 else 1.0 for i in range(n_orgs)]

    no_team = _share(people, shape.no_team_share, 3)
    small = _share(people // 8, shape.small_team_share, 2)
    teams: list[Team] = []
    for i, size in enumerate(_team_sizes(rng, people - no_team, small, shape)):
        org = organizations[i] if i < n_orgs else rng.choices(organizations, weights=org_weights)[0]
        team_id, name = namer.team(org)
        area = name.split(" ")[0]
        team = Team(
            id=team_id,
            name=name,
            description=rng.choice(words.team_descriptions).format(area=area),
            organization=org,
            home=makers.country(),
            size=size,
        )
        org.teams.append(team)
        teams.append(team)
        for position in range(size):
            home = rng.random() < shape.home_country_share
            person = makers.new(team.home if home else makers.country())
            person.team = team
            person.role = words.lead_role if position == 0 else rng.choice(words.member_roles)
            person.since = day_between(rng, _EPOCH, datetime(2025, 6, 30, tzinfo=UTC))
            team.members.append(person)
            org.people.append(person)
    for _ in range(no_team):
        makers.new(makers.country())

    projects = _projects(rng, teams, namer, shape)
    organisation = Organisation(organizations, teams, makers.made, projects)
    _plant_roles(rng, organisation, people, shape)
    return organisation


def _projects(rng: random.Random, teams: list[Team], namer: _Namer, shape: Shape) -> list[Project]:
    words = data.words()
    projects: list[Project] = []
    for team in teams:
        count = min(pick(rng, shape.projects_per_team), len(team.members))
        own = []
        for _ in range(count):
            project_id, name = namer.project()
            started = day_between(
                rng, datetime(2024, 1, 1, tzinfo=UTC), datetime(2025, 12, 31, tzinfo=UTC)
            )
            own.append(Project(project_id, name, team, started))
        # Everyone works on at least one of the team's projects; some on two.
        members = list(team.members)
        rng.shuffle(members)
        for i, person in enumerate(members):
            _contribute(rng, person, own[i % len(own)], words.contribution_roles)
            if len(own) > 1 and rng.random() < shape.second_project_share:
                other = rng.choice([p for p in own if p is not own[i % len(own)]])
                _contribute(rng, person, other, words.contribution_roles)
        team.projects.extend(own)
        projects.extend(own)
    for project in projects:
        outsiders = [
            p for t in project.team.organization.teams if t is not project.team for p in t.members
        ]
        if outsiders and rng.random() < shape.cross_team_project_share:
            for person in rng.sample(outsiders, min(len(outsiders), rng.choice((1, 2)))):
                if project not in person.projects:
                    _contribute(rng, person, project, words.contribution_roles)
    for project in projects:
        # The first contributor leads the project.
        project.roles[0] = (words.project_lead_role, 1.0)
    return projects


def _contribute(rng: random.Random, person: Person, project: Project, roles: Sequence[str]) -> None:
    project.contributors.append(person)
    project.roles.append((rng.choice(roles), rng.choice((0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9))))
    person.projects.append(project)


def _plant_roles(rng: random.Random, org: Organisation, people: int, shape: Shape) -> None:
    regular = [t for t in org.teams if t.size >= 5]
    # Hero team: mid-sized, so the hero stays behind the star in raw counts.
    hero_candidates = [t for t in regular if 6 <= t.size <= 9] or regular
    org.hero_team = rng.choice(hero_candidates)
    org.hero = rng.choice(org.hero_team.members)
    first = org.organizations[0]
    star_candidates = [t for t in first.teams if t.size >= 8 and t is not org.hero_team] or [
        t for t in first.teams if t.size >= 5 and t is not org.hero_team
    ]
    star_team = rng.choice(star_candidates)
    org.star = rng.choice(star_team.members)

    others = [t for t in regular if t is not org.hero_team and t is not star_team]
    for team in rng.sample(
        others, min(len(others), _share(len(org.teams), shape.insular_team_share, 2))
    ):
        team.insular = True

    # One quiet contributor per chosen team at most, so every team keeps someone who posts.
    quiet_teams = [t for t in org.teams if t is not org.hero_team]
    count = min(len(quiet_teams), _share(people, shape.never_credited_share, 3))
    for team in rng.sample(quiet_teams, count):
        candidates = [p for p in team.members[1:] if p is not org.star]
        if candidates:
            rng.choice(candidates).never_credited = True

    for person in org.people:
        # Lurkers never post; leads, the star and the hero always do.
        lead = person.team is None or person.team.members[0] is person
        if not lead and person not in (org.star, org.hero) and rng.random() < shape.lurker_share:
            person.activity = 0.0

    for project in rng.sample(
        org.projects,
        min(len(org.projects), _share(len(org.projects), shape.unposted_project_share, 2)),
    ):
        project.unposted = True
