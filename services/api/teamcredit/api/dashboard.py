"""GraphQL for the recognition dashboard: aggregates only, behind the `report` scope.

Every figure about a group under the privacy floor (analysis/dashboard.py, MIN_GROUP_SIZE)
comes back as null with ``withheld: true`` and the reason; the dashboard shows the reason.
"""

from __future__ import annotations

from datetime import datetime

import strawberry

from teamcredit.analysis import dashboard as d
from teamcredit.api.context import Info
from teamcredit.errors import BadUserInput
from teamcredit.models import Person, PostFact
from teamcredit.validation import check_id

MAX_UNSUNG = 100


@strawberry.input(name="DashboardFilter")
class DashboardFilterInput:
    organization_id: strawberry.ID | None = None
    team_id: strawberry.ID | None = None
    country: str | None = strawberry.field(default=None, description="ISO 3166-1 alpha-2")
    from_month: str | None = strawberry.field(
        default=None, name="from", description="First month, YYYY-MM"
    )
    to_month: str | None = strawberry.field(
        default=None, name="to", description="Last month, YYYY-MM"
    )

    def domain(self) -> d.DashboardFilter:
        return d.DashboardFilter(
            organization_id=check_id("organizationId", self.organization_id)
            if self.organization_id
            else None,
            team_id=check_id("teamId", self.team_id) if self.team_id else None,
            country=self.country.strip().upper() if self.country else None,
            from_month=self.from_month,
            to_month=self.to_month,
        )


@strawberry.type(name="DashboardFigures")
class FiguresType:
    posts: int
    individual: int
    balanced: int
    collective: int
    mixed_signals: int = strawberry.field(
        description="Posts whose framing was judged with low confidence: the clients show "
        "'mixed signals' instead of a verdict, so they count in no orientation "
        "(docs/framing.md, Mixed signals)"
    )
    not_judged: int = strawberry.field(
        description="Posts stored before the mixed-signals flag was kept: counted in no "
        "orientation until `teamcredit reframe` judges them (docs/graph-model.md)"
    )
    unclassified: int = strawberry.field(
        description="mixedSignals + notJudged: posts with no verdict shown, for either reason",
        deprecation_reason="Counts two different things: use mixedSignals and notJudged",
    )
    posts_crediting: int = strawberry.field(description="Posts naming anyone but their author")
    share_crediting: float | None = strawberry.field(description="postsCrediting / posts")
    people_credited: int = strawberry.field(description="Distinct people named")
    authors: int

    @classmethod
    def of(cls, f: d.Figures | None) -> FiguresType | None:
        if f is None:
            return None
        return cls(
            posts=f.posts,
            individual=f.individual,
            balanced=f.balanced,
            collective=f.collective,
            mixed_signals=f.mixed_signals,
            not_judged=f.not_judged,
            unclassified=f.unclassified,
            posts_crediting=f.posts_crediting,
            share_crediting=f.share_crediting,
            people_credited=f.people_credited,
            authors=f.authors,
        )


@strawberry.type(name="DashboardMonth")
class MonthType:
    month: str
    figures: FiguresType


@strawberry.type(name="DashboardOverview")
class OverviewType:
    group_size: int = strawberry.field(description="People the filter selects")
    withheld: bool
    withheld_reason: str | None
    months: list[MonthType]
    total: FiguresType | None


@strawberry.type(name="DashboardPerson")
class PersonRef:
    id: strawberry.ID
    name: str

    @classmethod
    def of(cls, p: Person) -> PersonRef:
        return cls(id=strawberry.ID(p.id), name=p.name)


@strawberry.type(name="DashboardRef")
class Ref:
    id: strawberry.ID
    name: str


@strawberry.type(name="DashboardPost")
class PostRef:
    id: strawberry.ID
    month: str
    url: str | None
    orientation: str | None = strawberry.field(
        description="The verdict shown; null when mixed signals or not judged"
    )
    mixed_signals: bool | None = strawberry.field(
        description="The framing was mixed signals; null: stored before the flag was kept"
    )

    @classmethod
    def of(cls, p: PostFact) -> PostRef:
        return cls(
            id=strawberry.ID(p.id),
            month=p.month,
            url=p.url,
            orientation=p.orientation,
            mixed_signals=p.mixed_signals,
        )


@strawberry.type(name="DashboardUnsung")
class UnsungType:
    person: PersonRef
    project: Ref
    role: str | None
    missed_posts: list[PostRef] = strawberry.field(description="The first posts that left them out")
    missed_count: int


@strawberry.type(name="DashboardTeam")
class TeamFiguresType:
    id: strawberry.ID
    name: str
    organization_id: strawberry.ID | None
    members: int
    withheld: bool
    withheld_reason: str | None
    figures: FiguresType | None
    credits_given: int | None = strawberry.field(description="People named in members' posts")
    times_credited: int | None = strawberry.field(description="Times members were named")
    members_credited: int | None
    unsung_count: int = strawberry.field(description="Unsung contributors, all of them")
    all_unsung: strawberry.Private[list[UnsungType]]

    @strawberry.field(description="Unsung contributors, the first `first` (at most 100)")
    def unsung(self, first: int = 20) -> list[UnsungType]:
        if not 0 <= first <= MAX_UNSUNG:
            raise BadUserInput(f"first must be between 0 and {MAX_UNSUNG}", field="first")
        return self.all_unsung[:first]

    @classmethod
    def of(cls, t: d.TeamFigures) -> TeamFiguresType:
        held = t.withheld_reason is not None
        return cls(
            id=strawberry.ID(t.team.id),
            name=t.team.name,
            organization_id=strawberry.ID(t.team.organization_id)
            if t.team.organization_id
            else None,
            members=t.members,
            withheld=held,
            withheld_reason=t.withheld_reason,
            figures=FiguresType.of(t.figures),
            credits_given=None if held else t.credits_given,
            times_credited=None if held else t.times_credited,
            members_credited=None if held else t.members_credited,
            unsung_count=len(t.unsung),
            all_unsung=[
                UnsungType(
                    person=PersonRef.of(u.person),
                    project=Ref(id=strawberry.ID(u.project.id), name=u.project.name),
                    role=u.role,
                    missed_posts=[PostRef.of(p) for p in u.missed_posts],
                    missed_count=u.missed_count,
                )
                for u in t.unsung
            ],
        )


@strawberry.type(name="DashboardProjectSummary")
class ProjectSummaryType:
    id: strawberry.ID
    name: str
    team: Ref | None
    contributors: int
    posts: int
    withheld: bool
    withheld_reason: str | None

    @classmethod
    def of(cls, s: d.ProjectSummary) -> ProjectSummaryType:
        return cls(
            id=strawberry.ID(s.project.id),
            name=s.project.name,
            team=Ref(id=strawberry.ID(s.team.id), name=s.team.name) if s.team else None,
            contributors=s.contributors,
            posts=s.posts,
            withheld=s.withheld_reason is not None,
            withheld_reason=s.withheld_reason,
        )


@strawberry.type(name="DashboardContributor")
class ContributorType:
    person: PersonRef
    role: str | None
    credited_in: int = strawberry.field(description="Posts about the project that name them")
    authored: int
    credited: bool = strawberry.field(description="Named in, or author of, a post about it")


@strawberry.type(name="DashboardProjectPost")
class ProjectPostType:
    post: PostRef
    author: PersonRef | None
    credited: list[PersonRef]


@strawberry.type(name="DashboardProject")
class ProjectReportType:
    summary: ProjectSummaryType
    contributors: list[ContributorType]
    posts: list[ProjectPostType]

    @classmethod
    def of(cls, r: d.ProjectReport) -> ProjectReportType:
        return cls(
            summary=ProjectSummaryType.of(r.summary),
            contributors=[
                ContributorType(
                    person=PersonRef.of(c.person),
                    role=c.role,
                    credited_in=c.credited_in,
                    authored=c.authored,
                    credited=c.credited_in > 0 or c.authored > 0,
                )
                for c in r.contributors
            ],
            posts=[
                ProjectPostType(
                    post=PostRef.of(p.post),
                    author=PersonRef.of(p.author) if p.author else None,
                    credited=[PersonRef.of(c) for c in p.credited],
                )
                for p in r.posts
            ],
        )


@strawberry.type(name="DashboardCulture")
class CultureRowType:
    country: str
    name: str
    individualism: int | None = strawberry.field(description="Hofstede index (0-100)")
    people: int
    withheld: bool
    withheld_reason: str | None
    figures: FiguresType | None


@strawberry.type(name="DashboardCultures")
class CulturesType:
    rows: list[CultureRowType]
    sources: list[str]
    caveat: str


@strawberry.type(name="DashboardOptions")
class OptionsType:
    organizations: list[Ref]
    teams: list[Ref]
    countries: list[str]
    months: list[str]


MAX_ROWS = 500


def _first(first: int) -> int:
    if not 0 <= first <= MAX_ROWS:
        raise BadUserInput(f"first must be between 0 and {MAX_ROWS}", field="first")
    return first


@strawberry.type(name="Dashboard")
class DashboardType:
    filter: strawberry.Private[d.DashboardFilter]
    as_of: datetime = strawberry.field(description="When the figures were read from the graph")
    min_group_size: int = strawberry.field(description="The privacy floor, in people")

    @strawberry.field
    async def options(self, info: Info) -> OptionsType:
        snapshot = await info.context.services.dashboard.snapshot()
        ix, org = snapshot.index, self.filter.organization_id

        # The lists change only with the facts: built once per read and organisation (the
        # 1,142 teams of the large organisation were sorted again on every request).
        def build() -> OptionsType:
            return OptionsType(
                organizations=[
                    Ref(id=strawberry.ID(o.id), name=o.name)
                    for o in sorted(ix.facts.organizations, key=lambda o: o.name)
                ],
                teams=[
                    Ref(id=strawberry.ID(t.id), name=t.name)
                    for t in ix.teams_in(d.DashboardFilter(organization_id=org))
                ],
                countries=sorted({(p.country or "").upper() for p in ix.people.values()} - {""}),
                months=list(ix.months),
            )

        return snapshot.memo(("options", org), build)

    @strawberry.field
    async def overview(self, info: Info) -> OverviewType:
        o, _ = await info.context.services.dashboard.overview(self.filter)
        return OverviewType(
            group_size=o.group_size,
            withheld=o.withheld_reason is not None,
            withheld_reason=o.withheld_reason,
            months=[MonthType(month=m.month, figures=FiguresType.of(m.figures)) for m in o.months],  # type: ignore[arg-type]
            total=FiguresType.of(o.total),
        )

    @strawberry.field(description="The first `first` teams in scope, by name (at most 500)")
    async def teams(self, info: Info, first: int = 50) -> list[TeamFiguresType]:
        _, rows = await info.context.services.dashboard.teams(self.filter, _first(first))
        return [TeamFiguresType.of(t) for t in rows]

    @strawberry.field(description="How many teams are in scope")
    async def team_count(self, info: Info) -> int:
        count, _ = await info.context.services.dashboard.teams(self.filter, 0)
        return count

    @strawberry.field(description="The first `first` projects in scope, by name (at most 500)")
    async def projects(self, info: Info, first: int = 100) -> list[ProjectSummaryType]:
        _, rows = await info.context.services.dashboard.projects(self.filter, _first(first))
        return [ProjectSummaryType.of(s) for s in rows]

    @strawberry.field(description="How many projects are in scope")
    async def project_count(self, info: Info) -> int:
        count, _ = await info.context.services.dashboard.projects(self.filter, 0)
        return count

    @strawberry.field
    async def project(self, info: Info, id: strawberry.ID) -> ProjectReportType:
        report = await info.context.services.dashboard.project(check_id("id", id), self.filter)
        return ProjectReportType.of(report)

    @strawberry.field
    async def cultures(self, info: Info) -> CulturesType:
        c = await info.context.services.dashboard.cultures(self.filter)
        return CulturesType(
            rows=[
                CultureRowType(
                    country=r.country,
                    name=r.name,
                    individualism=r.individualism,
                    people=r.people,
                    withheld=r.withheld_reason is not None,
                    withheld_reason=r.withheld_reason,
                    figures=FiguresType.of(r.figures),
                )
                for r in c.rows
            ],
            sources=list(c.sources),
            caveat=c.caveat,
        )


@strawberry.type
class DashboardQuery:
    @strawberry.field(description="Recognition figures for the dashboard (scope: report)")
    async def dashboard(
        self, info: Info, filter: DashboardFilterInput | None = None
    ) -> DashboardType:
        from teamcredit.services.dashboard import check_filter

        domain = check_filter((filter or DashboardFilterInput()).domain())
        snapshot = await info.context.services.dashboard.snapshot()
        return DashboardType(filter=domain, as_of=snapshot.as_of, min_group_size=d.MIN_GROUP_SIZE)
