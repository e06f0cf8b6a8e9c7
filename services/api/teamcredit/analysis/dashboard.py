"""The recognition dashboard's figures, computed from one read of the graph (DashboardFacts).

Pure: services/dashboard.py reads the facts and keeps a DashboardIndex per read; every view
is a lookup in buckets built once here (per month for the organisation, each organisation,
team and country) or a walk over one team's or one project's posts, never over every post.

Privacy floor: a figure is about a group (an organisation, a team, a country's authors, a
team within a country, a project's contributors). When that group has fewer than
MIN_GROUP_SIZE people the figure is withheld, here, with the reason: with 3 people "one
individual post" names someone. There is deliberately no per-person figure of how often
someone credits others: the teams view reports rates per team, never a ranking of people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from teamcredit.analysis.culture import SOURCES, get_culture
from teamcredit.models import DashboardFacts, Person, PostFact, Project, Team

MIN_GROUP_SIZE = 5
# How many of the posts that left an unsung contributor out are listed (the count is exact).
MAX_MISSED_POSTS = 5
CULTURE_SOURCES = SOURCES
CULTURE_CAVEAT = (
    "Country scores describe national samples, never a person: read them as the context in "
    "which posts tend to be read, not as a judgement of anyone."
)


def withheld_reason(group: str, size: int) -> str | None:
    if size >= MIN_GROUP_SIZE:
        return None
    return (
        f"withheld: this {group} has {size} {'person' if size == 1 else 'people'}, under the "
        f"privacy floor of {MIN_GROUP_SIZE}"
    )


@dataclass(frozen=True, slots=True)
class DashboardFilter:
    organization_id: str | None = None
    team_id: str | None = None
    country: str | None = None
    from_month: str | None = None
    to_month: str | None = None

    def in_period(self, month: str) -> bool:
        return (self.from_month is None or month >= self.from_month) and (
            self.to_month is None or month <= self.to_month
        )


@dataclass(frozen=True, slots=True)
class Figures:
    posts: int = 0
    individual: int = 0
    balanced: int = 0
    collective: int = 0
    # Two reasons a post counts in no framing, kept apart because they call for different
    # things: the analyser judged it with low confidence (the clients showed "mixed signals",
    # nothing to do), or it was stored before the flag was kept (`teamcredit reframe`).
    mixed_signals: int = 0
    not_judged: int = 0
    posts_crediting: int = 0  # posts that name (mention or credit) anyone but their author
    people_credited: int = 0  # distinct people named
    authors: int = 0

    @property
    def share_crediting(self) -> float | None:
        return self.posts_crediting / self.posts if self.posts else None

    @property
    def unclassified(self) -> int:
        """Posts with no verdict shown, for either reason (GraphQL's deprecated field)."""
        return self.mixed_signals + self.not_judged


class _Bucket:
    __slots__ = ("authors", "counts", "credited")

    def __init__(self) -> None:
        # posts, individual, balanced, collective, mixed signals, not judged, crediting
        self.counts = [0, 0, 0, 0, 0, 0, 0]
        self.authors: set[str] = set()
        self.credited: set[str] = set()

    def add(self, post: PostFact) -> None:
        c = self.counts
        c[0] += 1
        c[_framing_slot(post)] += 1
        if post.named:
            c[_CREDITING] += 1
            self.credited.update(post.named)
        self.authors.add(post.author_id)

    def merge(self, other: _Bucket) -> None:
        for i, v in enumerate(other.counts):
            self.counts[i] += v
        self.authors |= other.authors
        self.credited |= other.credited

    def figures(self) -> Figures:
        c = self.counts
        return Figures(
            posts=c[0],
            individual=c[1],
            balanced=c[2],
            collective=c[3],
            mixed_signals=c[_MIXED],
            not_judged=c[_NOT_JUDGED],
            posts_crediting=c[_CREDITING],
            people_credited=len(self.credited),
            authors=len(self.authors),
        )


_ORIENTATION_SLOT = {"INDIVIDUAL": 1, "BALANCED": 2, "COLLECTIVE": 3}
_MIXED, _NOT_JUDGED, _CREDITING = 4, 5, 6


def _framing_slot(post: PostFact) -> int:
    """A post's slot: the verdict shown, else mixed signals, else not judged. A post carries
    an orientation only when it was shown (graph/dashboard.py); with none and no flag it was
    stored before the flag was kept (None), the case `teamcredit reframe` judges."""
    slot = _ORIENTATION_SLOT.get(post.orientation or "")
    if slot is not None:
        return slot
    return _MIXED if post.mixed_signals else _NOT_JUDGED


@dataclass(frozen=True, slots=True)
class MonthFigures:
    month: str
    figures: Figures


@dataclass(frozen=True, slots=True)
class Overview:
    group_size: int
    withheld_reason: str | None
    months: tuple[MonthFigures, ...] = ()
    total: Figures | None = None


@dataclass(frozen=True, slots=True)
class Unsung:
    person: Person
    project: Project
    role: str | None
    missed_posts: tuple[PostFact, ...]  # the first MAX_MISSED_POSTS, by month then id
    missed_count: int


@dataclass(frozen=True, slots=True)
class TeamFigures:
    team: Team
    members: int
    withheld_reason: str | None
    figures: Figures | None = None
    credits_given: int = 0  # people named in the members' posts, summed over posts
    times_credited: int = 0  # times a member was named in someone else's post
    members_credited: int = 0  # members named at least once
    unsung: tuple[Unsung, ...] = ()


@dataclass(frozen=True, slots=True)
class ProjectSummary:
    project: Project
    team: Team | None
    contributors: int
    posts: int
    withheld_reason: str | None


@dataclass(frozen=True, slots=True)
class ProjectContributor:
    person: Person
    role: str | None
    credited_in: int  # posts about the project that name them
    authored: int  # posts about the project they wrote


@dataclass(frozen=True, slots=True)
class ProjectPost:
    post: PostFact
    author: Person | None
    credited: tuple[Person, ...]  # the project's contributors the post names


@dataclass(frozen=True, slots=True)
class ProjectReport:
    summary: ProjectSummary
    contributors: tuple[ProjectContributor, ...] = ()
    posts: tuple[ProjectPost, ...] = ()


@dataclass(frozen=True, slots=True)
class CultureRow:
    country: str
    name: str
    individualism: int | None
    people: int
    withheld_reason: str | None
    figures: Figures | None = None


@dataclass(frozen=True, slots=True)
class CultureReport:
    rows: tuple[CultureRow, ...]
    sources: tuple[str, ...] = CULTURE_SOURCES
    caveat: str = CULTURE_CAVEAT


@dataclass(slots=True)
class DashboardIndex:
    """The facts, indexed once: per-month buckets and the maps the views walk."""

    facts: DashboardFacts
    posts_by_id: dict[str, PostFact] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    teams: dict[str, Team] = field(default_factory=dict)
    projects: dict[str, Project] = field(default_factory=dict)
    team_members: dict[str, set[str]] = field(default_factory=dict)
    person_teams: dict[str, set[str]] = field(default_factory=dict)
    person_orgs: dict[str, set[str]] = field(default_factory=dict)
    posts_by_author: dict[str, list[PostFact]] = field(default_factory=dict)
    posts_by_project: dict[str, list[PostFact]] = field(default_factory=dict)
    contributors: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    named_in: dict[str, list[PostFact]] = field(default_factory=dict)
    months: tuple[str, ...] = ()
    # ("all", "") / ("org", id) / ("team", id) / ("country", code) -> month -> bucket
    buckets: dict[tuple[str, str], dict[str, _Bucket]] = field(default_factory=dict)

    @classmethod
    def build(cls, facts: DashboardFacts) -> DashboardIndex:
        ix = cls(facts)
        ix.posts_by_id = {p.id: p for p in facts.posts}
        ix.people = {p.id: p for p in facts.people}
        ix.teams = {t.id: t for t in facts.teams}
        ix.projects = {p.id: p for p in facts.projects}
        members: dict[str, set[str]] = defaultdict(set)
        person_teams: dict[str, set[str]] = defaultdict(set)
        for m in facts.memberships:
            members[m.team_id].add(m.person_id)
            person_teams[m.person_id].add(m.team_id)
        ix.team_members, ix.person_teams = dict(members), dict(person_teams)
        person_orgs: dict[str, set[str]] = defaultdict(set)
        for person_id, team_ids in person_teams.items():
            for team_id in team_ids:
                org = ix.teams[team_id].organization_id if team_id in ix.teams else None
                if org:
                    person_orgs[person_id].add(org)
        ix.person_orgs = dict(person_orgs)
        by_author: dict[str, list[PostFact]] = defaultdict(list)
        by_project: dict[str, list[PostFact]] = defaultdict(list)
        named_in: dict[str, list[PostFact]] = defaultdict(list)
        buckets: dict[tuple[str, str], dict[str, _Bucket]] = defaultdict(
            lambda: defaultdict(_Bucket)
        )
        for post in facts.posts:
            by_author[post.author_id].append(post)
            for project_id in post.about:
                by_project[project_id].append(post)
            for person_id in post.named:
                named_in[person_id].append(post)
            for key in ix._bucket_keys(post):
                buckets[key][post.month].add(post)
        ix.posts_by_author, ix.posts_by_project = dict(by_author), dict(by_project)
        ix.named_in = dict(named_in)
        ix.buckets = {k: dict(v) for k, v in buckets.items()}
        contributors: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for c in facts.contributions:
            contributors[c.project_id].append((c.person_id, c.role))
        ix.contributors = dict(contributors)
        ix.months = tuple(sorted({p.month for p in facts.posts}))
        return ix

    def _bucket_keys(self, post: PostFact) -> list[tuple[str, str]]:
        keys = [("all", "")]
        keys += [("org", o) for o in self.person_orgs.get(post.author_id, ())]
        keys += [("team", t) for t in self.person_teams.get(post.author_id, ())]
        author = self.people.get(post.author_id)
        if author is not None and author.country:
            keys.append(("country", author.country.upper()))
        return keys

    def knows(self, post: PostFact) -> bool:
        """Whether everyone and everything the post refers to is in this index (a post by a
        person added since the read cannot be placed in their teams' buckets)."""
        return (
            post.author_id in self.people
            and all(p in self.people for p in post.named)
            and all(x in self.projects for x in post.about)
        )

    def rebuilds_for(self, written: dict[str, PostFact | None]) -> bool:
        """Whether ``with_posts`` builds a new index (a post it has changed or went away)
        rather than adding to this one in place."""
        return any(i in self.posts_by_id and self.posts_by_id[i] != p for i, p in written.items())

    def with_posts(self, written: dict[str, PostFact | None]) -> DashboardIndex:
        """This index with posts written since its read (id -> the post's fact now, None
        when it is gone). New posts are added in place, bucket by bucket: the cost of one post,
        not of a read (the buckets' author and credited sets cannot forget a person, so a post
        that changed or went away builds a new index from the facts in memory, leaving this
        one as it was)."""
        changed = {i: p for i, p in written.items() if self.posts_by_id.get(i) != p}
        if self.rebuilds_for(changed):
            posts = {**self.posts_by_id, **changed}
            kept = tuple(p for p in posts.values() if p is not None)
            return DashboardIndex.build(replace(self.facts, posts=kept))
        added = [p for p in changed.values() if p is not None]
        for post in added:
            self.posts_by_id[post.id] = post
            self.posts_by_author.setdefault(post.author_id, []).append(post)
            for project_id in post.about:
                self.posts_by_project.setdefault(project_id, []).append(post)
            for person_id in post.named:
                self.named_in.setdefault(person_id, []).append(post)
            for key in self._bucket_keys(post):
                self.buckets.setdefault(key, {}).setdefault(post.month, _Bucket()).add(post)
        if added:
            self.months = tuple(sorted({*self.months, *(p.month for p in added)}))
            self.facts = replace(self.facts, posts=self.facts.posts + tuple(added))
        return self

    # --- who is in scope ----------------------------------------------------------------

    def population(self, f: DashboardFilter) -> set[str]:
        """The people a filter selects (members of its organisation/team, from its country)."""
        if f.team_id is not None:
            people = set(self.team_members.get(f.team_id, ()))
            if f.organization_id is not None:
                people = {p for p in people if f.organization_id in self.person_orgs.get(p, ())}
        elif f.organization_id is not None:
            people = {p for p, orgs in self.person_orgs.items() if f.organization_id in orgs}
        else:
            people = set(self.people)
        if f.country is not None:
            code = f.country.upper()
            people = {p for p in people if (self.people[p].country or "").upper() == code}
        return people

    def _group(self, f: DashboardFilter) -> str:
        if f.team_id is not None:
            return "team" if f.country is None else "team's share of a country"
        if f.country is not None:
            return "country's group"
        return "organisation"

    # --- views --------------------------------------------------------------------------

    def overview(self, f: DashboardFilter) -> Overview:
        people = self.population(f)
        reason = withheld_reason(self._group(f), len(people))
        if reason is not None:
            return Overview(group_size=len(people), withheld_reason=reason)
        by_month = self._month_buckets(f, people)
        months = []
        total = _Bucket()
        for month in sorted(by_month):
            if f.in_period(month):
                months.append(MonthFigures(month, by_month[month].figures()))
                total.merge(by_month[month])
        return Overview(len(people), None, tuple(months), total.figures())

    def _month_buckets(self, f: DashboardFilter, people: set[str]) -> dict[str, _Bucket]:
        dims = [
            d
            for d in (
                ("org", f.organization_id),
                ("team", f.team_id),
                ("country", f.country.upper() if f.country else None),
            )
            if d[1] is not None
        ]
        if not dims:
            return self.buckets.get(("all", ""), {})
        if len(dims) == 1 or (f.team_id is not None and f.country is None):
            # A team belongs to one organisation: its bucket answers "org and team" too.
            key = ("team", f.team_id) if f.team_id is not None else dims[0]
            return self.buckets.get((key[0], str(key[1])), {})
        # Several dimensions (a country within an organisation or team): the group's posts.
        out: dict[str, _Bucket] = defaultdict(_Bucket)
        for person_id in people:
            for post in self.posts_by_author.get(person_id, ()):
                out[post.month].add(post)
        return out

    def teams_in(self, f: DashboardFilter) -> list[Team]:
        teams = [
            t
            for t in self.teams.values()
            if (f.organization_id is None or t.organization_id == f.organization_id)
            and (f.team_id is None or t.id == f.team_id)
        ]
        return sorted(teams, key=lambda t: (t.name, t.id))

    def teams_view(self, f: DashboardFilter, first: int | None = None) -> list[TeamFigures]:
        """The first `first` teams by name: only those are computed (1,142 teams took 2 s)."""
        return [self.team_figures(t, f) for t in self.teams_in(f)[:first]]

    def team_figures(self, team: Team, f: DashboardFilter) -> TeamFigures:
        members = self.team_members.get(team.id, set())
        reason = withheld_reason("team", len(members))
        if reason is not None:
            return TeamFigures(team, len(members), reason)
        bucket = _Bucket()
        given = 0
        for month, b in self.buckets.get(("team", team.id), {}).items():
            if f.in_period(month):
                bucket.merge(b)
        for person_id in members:
            for post in self.posts_by_author.get(person_id, ()):
                if f.in_period(post.month):
                    given += len(post.named)
        times = 0
        credited_members = 0
        for person_id in members:
            hits = sum(1 for p in self.named_in.get(person_id, ()) if f.in_period(p.month))
            times += hits
            credited_members += 1 if hits else 0
        return TeamFigures(
            team=team,
            members=len(members),
            withheld_reason=None,
            figures=bucket.figures(),
            credits_given=given,
            times_credited=times,
            members_credited=credited_members,
            unsung=tuple(self._unsung(team, f)),
        )

    def _unsung(self, team: Team, f: DashboardFilter) -> Iterable[Unsung]:
        """Contributors to the team's projects whom no post about the project named."""
        for project in sorted(
            (p for p in self.projects.values() if p.team_id == team.id), key=lambda p: p.name
        ):
            posts = [p for p in self.posts_by_project.get(project.id, ()) if f.in_period(p.month)]
            if not posts:
                continue
            named = {n for p in posts for n in p.named} | {p.author_id for p in posts}
            for person_id, role in sorted(self.contributors.get(project.id, ())):
                person = self.people.get(person_id)
                if person is None or person_id in named:
                    continue
                missed = sorted(posts, key=lambda p: (p.month, p.id))
                yield Unsung(person, project, role, tuple(missed[:MAX_MISSED_POSTS]), len(missed))

    def projects_in(self, f: DashboardFilter) -> list[Project]:
        out = []
        for project in sorted(self.projects.values(), key=lambda p: (p.name, p.id)):
            team = self.teams.get(project.team_id or "")
            if f.organization_id is not None and (
                team is None or team.organization_id != f.organization_id
            ):
                continue
            if f.team_id is not None and project.team_id != f.team_id:
                continue
            out.append(project)
        return out

    def project_summaries(
        self, f: DashboardFilter, first: int | None = None
    ) -> list[ProjectSummary]:
        return [self._summary(p, f) for p in self.projects_in(f)[:first]]

    def _summary(self, project: Project, f: DashboardFilter) -> ProjectSummary:
        people = {c for c, _ in self.contributors.get(project.id, ())}
        posts = [p for p in self.posts_by_project.get(project.id, ()) if f.in_period(p.month)]
        return ProjectSummary(
            project=project,
            team=self.teams.get(project.team_id or ""),
            contributors=len(people),
            posts=len(posts),
            withheld_reason=withheld_reason("project", len(people)),
        )

    def project_report(self, project_id: str, f: DashboardFilter) -> ProjectReport | None:
        project = self.projects.get(project_id)
        if project is None:
            return None
        summary = self._summary(project, f)
        if summary.withheld_reason is not None:
            return ProjectReport(summary)
        posts = sorted(
            (p for p in self.posts_by_project.get(project.id, ()) if f.in_period(p.month)),
            key=lambda p: (p.month, p.id),
        )
        roles = dict(self.contributors.get(project.id, ()))
        contributors = []
        for person_id in sorted(roles, key=lambda p: (self._name(p), p)):
            person = self.people.get(person_id)
            if person is None:
                continue
            contributors.append(
                ProjectContributor(
                    person=person,
                    role=roles[person_id],
                    credited_in=sum(1 for p in posts if person_id in p.named),
                    authored=sum(1 for p in posts if p.author_id == person_id),
                )
            )
        rows = [
            ProjectPost(
                post=p,
                author=self.people.get(p.author_id),
                credited=tuple(self.people[n] for n in p.named if n in roles and n in self.people),
            )
            for p in posts
        ]
        return ProjectReport(summary, tuple(contributors), tuple(rows))

    def _name(self, person_id: str) -> str:
        person = self.people.get(person_id)
        return person.name if person else person_id

    def cultures(self, f: DashboardFilter) -> CultureReport:
        scoped = DashboardFilter(organization_id=f.organization_id, team_id=f.team_id)
        people = self.population(scoped)
        by_country: dict[str, set[str]] = defaultdict(set)
        for person_id in people:
            country = (self.people[person_id].country or "").upper()
            if country:
                by_country[country].add(person_id)
        rows = []
        for country in sorted(by_country):
            group = by_country[country]
            culture = get_culture(country)
            reason = withheld_reason("country's group", len(group))
            figures = None
            if reason is None:
                sub = DashboardFilter(
                    f.organization_id, f.team_id, country, f.from_month, f.to_month
                )
                total = _Bucket()
                for month, b in self._month_buckets(sub, group).items():
                    if f.in_period(month):
                        total.merge(b)
                figures = total.figures()
            rows.append(
                CultureRow(
                    country=country,
                    name=culture.name if culture else country,
                    individualism=culture.individualism if culture else None,
                    people=len(group),
                    withheld_reason=reason,
                    figures=figures,
                )
            )
        return CultureReport(tuple(rows))
