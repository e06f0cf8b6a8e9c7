"""Posts: who writes them, how they are framed, who they name; then the planted posts.

Every post is first planned (author, orientation, project, mentions, credits) and only
then written from a template (render.py), so that the plants below can move mentions
around while the number of mentions, and so the template, stays valid.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from teamcredit.analysis.models import Orientation
from teamcredit.generator.model import Organisation, Person, PlannedPost, Project, Team
from teamcredit.generator.shape import Shape
from teamcredit.generator.structure import pick

Progress = Callable[[str, int, int], None]  # (stage, done so far, stage total)

_FIRST_POST = datetime(2025, 1, 1, tzinfo=UTC)
_POST_SPAN_SECONDS = int((datetime(2026, 3, 31, tzinfo=UTC) - _FIRST_POST).total_seconds())
_PICK_ATTEMPTS = 4


class Planner:
    def __init__(self, rng: random.Random, org: Organisation, shape: Shape) -> None:
        self.rng = rng
        self.org = org
        self.shape = shape
        self._orientations: dict[str, list[tuple[Orientation, float]]] = {}

    def orientation(self, author: Person) -> Orientation:
        country = author.country
        weights = self._orientations.get(country.iso2)
        if weights is None:
            individual = self.shape.individual_base + (
                self.shape.individual_slope * country.individualism / 100
            )
            collective = (1 - individual) * self.shape.collective_of_rest
            weights = [
                (Orientation.INDIVIDUAL, individual),
                (Orientation.BALANCED, 1 - individual - collective),
                (Orientation.COLLECTIVE, collective),
            ]
            self._orientations[country.iso2] = weights
        return pick(self.rng, weights)

    def language(self, author: Person) -> str:
        return pick(self.rng, author.country.languages)

    def project(self, author: Person) -> Project | None:
        if author.never_credited:  # quiet contributors post, but never about their work
            return None
        postable = [p for p in author.projects if not p.unposted]
        if postable and self.rng.random() < self.shape.post_about_project:
            return self.rng.choice(postable)
        return None

    def mentions(self, author: Person, project: Project | None, count: int) -> list[Person]:
        """``count`` colleagues or fewer: from the project, the team, the organisation."""
        team = author.team
        assert team is not None
        shape, rng, org = self.shape, self.rng, self.org
        hero = org.hero
        chosen: list[Person] = []
        for _ in range(count):
            for _attempt in range(_PICK_ATTEMPTS):
                draw = rng.random()
                if project is not None and draw < shape.mention_from_project:
                    candidate = rng.choice(project.contributors)
                elif team.insular or draw < shape.mention_from_project + shape.mention_from_team:
                    candidate = rng.choice(team.members)
                else:
                    candidate = rng.choice(team.organization.people)
                if team.insular and candidate.team is not team:
                    continue
                if candidate is author or candidate.never_credited or candidate in chosen:
                    continue
                if author is org.hero and candidate.team is team:
                    continue  # planted: the hero names nobody in their own team
                if (
                    candidate.team is org.hero_team
                    and candidate is not hero
                    and rng.random() < shape.hero_capture
                ):
                    # Planted: one person takes the team's credit, and once they are
                    # named, their teammates mostly are not.
                    if hero is None or hero is author or hero in chosen:
                        continue
                    candidate = hero
                chosen.append(candidate)
                break
        return chosen

    def credits(self, mentions: list[Person]) -> list[Person]:
        return [p for p in mentions if self.rng.random() < self.shape.credit_share]

    def published(self) -> datetime:
        return _FIRST_POST + timedelta(seconds=self.rng.randrange(_POST_SPAN_SECONDS) // 60 * 60)

    def post(
        self,
        author: Person,
        project: Project | None = None,
        orientation: Orientation | None = None,
        choose_project: bool = True,
    ) -> PlannedPost:
        orientation = orientation or self.orientation(author)
        language = self.language(author)
        if choose_project:
            project = self.project(author)
        count = pick(self.rng, self.shape.mention_weights(orientation))
        mentions = self.mentions(author, project, count)
        return PlannedPost(
            author=author,
            orientation=orientation,
            language=language,
            project=project,
            published=self.published(),
            mentions=mentions,
            credits=self.credits(mentions),
        )


def plan_posts(
    rng: random.Random, org: Organisation, shape: Shape, total: int, progress: Progress
) -> None:
    planner = Planner(rng, org, shape)
    authors = [p for p in org.people if p.team is not None and p.activity > 0]
    chosen = rng.choices(authors, weights=[p.activity for p in authors], k=total)
    for i, author in enumerate(chosen):
        org.posts.append(planner.post(author))
        if i % 5000 == 4999:
            progress("posts", i + 1, total)
    progress("posts", total, total)
    _plant_max_post(planner, org)
    _plant_star(rng, org, shape)
    _post_about_every_project(planner, org)
    _every_team_reaches_out(planner, org)


def _quiet_or_hero(person: Person, org: Organisation) -> bool:
    return person.never_credited or person.team is org.hero_team


def _plant_max_post(planner: Planner, org: Organisation) -> None:
    """One post naming many colleagues: the answer to 'which post credits the most people'."""
    shape, rng = planner.shape, planner.rng
    candidates = [
        p
        for t in org.organizations[0].teams
        if t.size >= 5 and not t.insular and t is not org.hero_team
        for p in t.members
        if not p.never_credited and p is not org.star and p.activity > 0
    ]
    author = rng.choice(candidates)
    assert author.team is not None
    pool = [p for p in author.team.members if p is not author and not p.never_credited]
    others = [
        p
        for p in author.team.organization.people
        if p.team is not author.team and not _quiet_or_hero(p, org)
    ]
    rng.shuffle(pool)
    rng.shuffle(others)
    mentions = (pool + others)[: shape.max_post_mentions]
    post = planner.post(author, orientation=Orientation.COLLECTIVE)
    post.mentions = mentions
    post.credits = list(mentions)  # the author accepted every suggested credit
    org.posts.append(post)
    org.max_post = post


def _mention_counts(posts: list[PlannedPost]) -> Counter[Person]:
    return Counter(p for post in posts for p in post.mentions)


def _plant_star(rng: random.Random, org: Organisation, shape: Shape) -> None:
    """Swap the star in for other colleagues until they clearly lead the credit ranking.

    Swapping (not adding) keeps each post's number of mentions, so its template stays valid.
    Mentions of the hero's team are never swapped, so its concentration stays as planted,
    nor those of the star's own team, so the star's team does not become the concentrated one.
    """
    star = org.star
    assert star is not None and star.team is not None
    protected = (org.hero_team, star.team)
    counts = _mention_counts(org.posts)
    runner_up = max((n for p, n in counts.items() if p is not star), default=0)
    needed = round(shape.most_credited_margin * runner_up) + 1 - counts[star]
    eligible = [
        post
        for post in org.posts
        if post.author.team is not None
        and post.author.team.organization is star.team.organization
        and not post.author.team.insular
        and post.author is not star
        and post is not org.max_post
        and post.mentions
        and star not in post.mentions
        and any(p.team not in protected for p in post.mentions)
    ]
    rng.shuffle(eligible)
    for post in eligible[: max(0, needed)]:
        slots = [i for i, p in enumerate(post.mentions) if p.team not in protected]
        slot = rng.choice(slots)
        replaced = post.mentions[slot]
        post.mentions[slot] = star
        post.credits = [star if p is replaced else p for p in post.credits]


def _lead(team: Team) -> Person:
    return team.members[0]  # leads are never among the quiet contributors


def _post_about_every_project(planner: Planner, org: Organisation) -> None:
    """Every project not planted as 'unposted' gets at least one post about it."""
    about = {post.project for post in org.posts if post.project is not None}
    for project in org.projects:
        if project.unposted or project in about:
            continue
        writers = [p for p in project.contributors if not p.never_credited]
        author = writers[0] if writers else _lead(project.team)
        post = planner.post(author, project=project, choose_project=False)
        org.posts.append(post)


def _every_team_reaches_out(planner: Planner, org: Organisation) -> None:
    """Every team posts; every team not planted as insular names someone outside it."""
    reached: set[int] = set()
    posted: set[int] = set()
    for post in org.posts:
        team = post.author.team
        assert team is not None
        posted.add(id(team))
        if any(p.team is not team for p in post.mentions):
            reached.add(id(team))
    for team in org.teams:
        lead = _lead(team)
        if team.insular:
            if id(team) not in posted:
                org.posts.append(planner.post(lead))
            continue
        if id(team) in reached:
            continue
        outside = [
            p
            for p in team.organization.people
            if p.team is not team and not _quiet_or_hero(p, org) and p is not org.star
        ] or [p for p in org.people if p.team not in (None, team) and not p.never_credited]
        post = planner.post(lead, orientation=Orientation.COLLECTIVE)
        post.mentions = [planner.rng.choice(outside)]
        post.credits = planner.credits(post.mentions)
        org.posts.append(post)
