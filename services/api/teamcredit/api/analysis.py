"""GraphQL for analysis: framing, credit suggestions, cultural context, recognition."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from teamcredit.analysis.credit import CreditBasis, CreditReason, CreditSuggestion
from teamcredit.analysis.culture import get_culture
from teamcredit.analysis.models import (
    CulturalContext,
    Culture,
    CultureOrientation,
    FramingAnalysis,
    Orientation,
    SignalKind,
)
from teamcredit.api.context import Info
from teamcredit.api.inputs import PostInput, to_post_request
from teamcredit.api.limits import MAX_BATCH
from teamcredit.api.metrics import DEGRADED
from teamcredit.api.response_cache import mark_degraded
from teamcredit.errors import BadUserInput
from teamcredit.models import Person, RecognitionCounts
from teamcredit.services.analysis import PostAnalysisResult
from teamcredit.validation import check_country, check_id

if TYPE_CHECKING:
    from teamcredit.api.people import PersonType
    from teamcredit.api.projects import ContributionType, ProjectType
    from teamcredit.api.teams import TeamType

# The analysis enums are the GraphQL enums: registered here, so analysis/ stays free of Strawberry.
strawberry.enum(Orientation, name="Orientation")
strawberry.enum(SignalKind, name="SignalKind")
strawberry.enum(CultureOrientation, name="CultureOrientation")
strawberry.enum(CreditReason, name="CreditReason")
strawberry.enum(
    CreditBasis,
    name="CreditBasis",
    description=(
        "Why credit is suggested (docs/credit.md): MATCHED_PROJECTS, the post names a known"
        " project; TEAM_WORK, it is about work done with a team; NONE, about nothing in the"
        " organisation (no suggestions, no phrasing)"
    ),
)


@strawberry.type(name="TextSpan", description="Offsets in Unicode code points.")
class TextSpanType:
    start: int
    end: int
    text: str


@strawberry.type(name="FramingSignal")
class FramingSignalType:
    kind: SignalKind
    span: TextSpanType
    weight: float


@strawberry.type(
    name="FeatureContribution",
    description="How much one feature of the framing model pushed the post towards its "
    "verdict, in logits against the mean of the three classes (docs/framing.md).",
)
class FeatureContributionType:
    feature: str
    value: float


@strawberry.type(name="FramingAnalysis")
class FramingAnalysisType:
    orientation: Orientation
    score: float = strawberry.field(description="-1 fully collective .. +1 fully individual")
    confidence: float
    mixed_signals: bool = strawberry.field(
        description="The confidence is under the model's fitted threshold: show 'mixed "
        "signals', not the orientation (docs/framing.md, Mixed signals)."
    )
    language: str
    self_references: int
    collective_references: int
    signals: list[FramingSignalType]
    contributions: list[FeatureContributionType] = strawberry.field(
        description="The features that made the call, strongest first."
    )

    @classmethod
    def of(cls, f: FramingAnalysis) -> FramingAnalysisType:
        return cls(
            orientation=f.orientation,
            score=f.score,
            confidence=f.confidence,
            mixed_signals=f.mixed_signals,
            language=f.language,
            self_references=f.self_references,
            collective_references=f.collective_references,
            signals=[
                FramingSignalType(
                    kind=s.kind,
                    span=TextSpanType(start=s.span.start, end=s.span.end, text=s.span.text),
                    weight=s.weight,
                )
                for s in f.signals
            ],
            contributions=[
                FeatureContributionType(feature=c.feature, value=c.value) for c in f.contributions
            ],
        )


@strawberry.type(name="Culture")
class CultureType:
    country: str = strawberry.field(description="ISO 3166-1 alpha-2")
    name: str
    individualism: int | None = strawberry.field(description="Hofstede IDV (2010 edition)")
    power_distance: int | None = strawberry.field(description="Hofstede PDI (2010 edition)")
    orientation: CultureOrientation

    @classmethod
    def of(cls, c: Culture | None) -> CultureType | None:
        if c is None:
            return None
        return cls(
            country=c.country,
            name=c.name,
            individualism=c.individualism,
            power_distance=c.power_distance,
            orientation=c.orientation,
        )


@strawberry.type(name="CulturalContext")
class CulturalContextType:
    author: CultureType | None
    reader: CultureType | None
    summary: str
    notes: list[str]
    sources: list[str]

    @classmethod
    def of(cls, c: CulturalContext) -> CulturalContextType:
        return cls(
            author=CultureType.of(c.author),
            reader=CultureType.of(c.reader),
            summary=c.summary,
            notes=list(c.notes),
            sources=list(c.sources),
        )


@strawberry.type(name="CreditSuggestion")
class CreditSuggestionType:
    reason: CreditReason
    evidence: str = strawberry.field(description="Why this person, in the UI language")
    score: float
    item: strawberry.Private[CreditSuggestion]
    credited: strawberry.Private[Person]

    @classmethod
    def of(cls, s: CreditSuggestion, person: Person) -> CreditSuggestionType:
        return cls(reason=s.reason, evidence=s.evidence, score=s.score, item=s, credited=person)

    @strawberry.field
    def person(self) -> Annotated[PersonType, strawberry.lazy("teamcredit.api.people")]:
        from teamcredit.api.people import PersonType

        return PersonType.of(self.credited)

    @strawberry.field
    async def team(
        self, info: Info
    ) -> Annotated[TeamType, strawberry.lazy("teamcredit.api.teams")] | None:
        from teamcredit.api.teams import TeamType

        if self.item.team_id is None:
            return None
        team = await info.context.loaders.team.load(self.item.team_id)
        return TeamType.of(team) if team else None

    @strawberry.field
    async def project(
        self, info: Info
    ) -> Annotated[ProjectType, strawberry.lazy("teamcredit.api.projects")] | None:
        from teamcredit.api.projects import ProjectType

        if self.item.project_id is None:
            return None
        project = await info.context.loaders.project.load(self.item.project_id)
        return ProjectType.of(project) if project else None


@strawberry.type(name="PostAnalysis")
class PostAnalysisType:
    framing: FramingAnalysisType
    credit: list[CreditSuggestionType]
    suggested_phrasing: str | None = strawberry.field(
        description="In the post's language; names the people to credit"
    )
    credit_basis: CreditBasis = strawberry.field(
        description="Why anyone is suggested; NONE: nothing to add for this post"
    )
    phrasing_language: str | None = strawberry.field(
        description="The language suggestedPhrasing is written in"
    )
    phrasing_note: str | None = strawberry.field(
        description="Set when the post's language has no phrasing template (no phrasing then)"
    )
    culture: CulturalContextType
    degraded: bool = strawberry.field(
        description="True when the graph was unreachable: framing and culture only"
    )
    result: strawberry.Private[PostAnalysisResult]

    @strawberry.field(description="Resolved from authorId / authorHandle; null when unknown")
    def author(self) -> Annotated[PersonType, strawberry.lazy("teamcredit.api.people")] | None:
        from teamcredit.api.people import PersonType

        return PersonType.of(self.result.author) if self.result.author else None

    @strawberry.field(
        description=(
            "People who worked on what the post is about and whom it already credits (by"
            " @-mention, name or a team it names); credit is empty when this holds everyone"
        )
    )
    def already_credited(
        self,
    ) -> list[Annotated[PersonType, strawberry.lazy("teamcredit.api.people")]]:
        from teamcredit.api.people import PersonType

        people = self.result.people
        return [PersonType.of(people[pid]) for pid in self.result.already_credited]

    @classmethod
    def of(cls, r: PostAnalysisResult) -> PostAnalysisType:
        return cls(
            framing=FramingAnalysisType.of(r.framing),
            credit=[CreditSuggestionType.of(c, r.people[c.person_id]) for c in r.credit],
            suggested_phrasing=r.suggested_phrasing,
            credit_basis=r.credit_basis,
            phrasing_language=r.phrasing_language,
            phrasing_note=r.phrasing_note,
            culture=CulturalContextType.of(r.culture),
            degraded=r.degraded,
            result=r,
        )


@strawberry.type(name="RecognitionStats")
class RecognitionStatsType:
    posts: int
    individual: int
    balanced: int
    collective: int
    people_credited: int = strawberry.field(description="Distinct colleagues mentioned or credited")
    mixed_signals: int = strawberry.field(
        description="Posts whose framing was mixed signals: counted in no orientation "
        "(docs/framing.md, Mixed signals)"
    )
    not_judged: int = strawberry.field(
        description="Posts stored before the mixed-signals flag was kept: counted in no "
        "orientation until `teamcredit reframe` judges them (docs/graph-model.md)"
    )

    @classmethod
    def of(cls, c: RecognitionCounts) -> RecognitionStatsType:
        return cls(
            posts=c.posts,
            individual=c.individual,
            balanced=c.balanced,
            collective=c.collective,
            people_credited=c.people_credited,
            mixed_signals=c.mixed_signals,
            not_judged=c.not_judged,
        )


@strawberry.type(name="RecognitionReport")
class RecognitionReportType:
    stats: RecognitionStatsType
    uncredited_contributors: list[
        Annotated[ContributionType, strawberry.lazy("teamcredit.api.projects")]
    ] = strawberry.field(
        description="Contributed to a project posts were written about, never credited in them"
    )
    withheld: bool = strawberry.field(
        description="True when the team is under the privacy floor; figures are then empty"
    )
    withheld_reason: str | None = None


@strawberry.type
class AnalysisQuery:
    @strawberry.field
    async def analyze_post(self, info: Info, input: PostInput) -> PostAnalysisType:
        result = (await info.context.services.analysis.analyze_many([to_post_request(input)]))[0]
        if result.degraded:
            DEGRADED.inc()
            mark_degraded()
        return PostAnalysisType.of(result)

    @strawberry.field(description=f"At most {MAX_BATCH} inputs; answers in input order")
    async def analyze_posts(self, info: Info, inputs: list[PostInput]) -> list[PostAnalysisType]:
        if len(inputs) > MAX_BATCH:
            raise BadUserInput(f"analyzePosts takes at most {MAX_BATCH} inputs (got {len(inputs)})")
        requests = [to_post_request(p, prefix=f"inputs[{i}]") for i, p in enumerate(inputs)]
        results = await info.context.services.analysis.analyze_many(requests)
        degraded = sum(1 for r in results if r.degraded)
        DEGRADED.inc(degraded)
        if degraded:
            mark_degraded()
        return [PostAnalysisType.of(r) for r in results]

    @strawberry.field
    def culture(self, country: str) -> CultureType | None:
        return CultureType.of(get_culture(check_country("country", country)))

    @strawberry.field
    async def recognition_report(
        self, info: Info, team_id: strawberry.ID | None = None, since: datetime | None = None
    ) -> RecognitionReportType:
        from teamcredit.api.projects import ContributionType

        report = await info.context.services.recognition.report(
            check_id("teamId", team_id) if team_id else None, since
        )
        return RecognitionReportType(
            stats=RecognitionStatsType.of(report.stats),
            uncredited_contributors=[ContributionType.of(c) for c in report.uncredited],
            withheld=report.withheld_reason is not None,
            withheld_reason=report.withheld_reason,
        )
