"""Analyse posts: framing + who else to credit + a phrasing + the cultural context.

A batch of posts costs one graph round trip (the people it names and their candidates; the
project dictionary is cached), never one per post. Analysing never writes. When the graph
is unreachable the answer is degraded (framing and culture only) rather than an error; the
graph client's circuit breaker keeps the answers of an outage fast.

Answers are cached (services/shared.py: on Redis for every replica, else in this process)
per request and organisation generation: a post read by many colleagues is analysed once.
Degraded answers are never cached.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import structlog

from teamcredit.analysis.credit import (
    CollaboratorFact,
    CreditBasis,
    CreditFacts,
    CreditSuggestion,
    about_team_work,
    credit_basis,
    rank_credit,
    top_names,
)
from teamcredit.analysis.credited import credited_people, credited_teams
from teamcredit.analysis.culture import cultural_context
from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.matcher import by_focus
from teamcredit.analysis.models import CulturalContext, FramingAnalysis
from teamcredit.analysis.phrasing import phrase_for
from teamcredit.errors import GraphUnavailable
from teamcredit.graph.credit import CandidateGraph, CreditRepository, SharedWork
from teamcredit.models import Contribution, Person, TeamMember
from teamcredit.services import analysis_cache
from teamcredit.services.project_index import ProjectIndex
from teamcredit.services.requests import PostRequest
from teamcredit.services.shared import SharedState

log = structlog.get_logger(__name__)

MAX_SUGGESTIONS = 5


@dataclass(frozen=True, slots=True)
class PostAnalysisResult:
    framing: FramingAnalysis
    credit: tuple[CreditSuggestion, ...]
    suggested_phrasing: str | None
    culture: CulturalContext
    author: Person | None
    degraded: bool
    project_ids: tuple[str, ...] = ()
    # The people the suggestions and `already_credited` name, by id.
    people: Mapping[str, Person] = field(default_factory=dict)
    # Why anyone is suggested at all (docs/credit.md); NONE: the post is about nothing in
    # the organisation, so no suggestions and no phrasing.
    credit_basis: CreditBasis = CreditBasis.NONE
    # People who worked on what the post is about and whom the post already credits.
    already_credited: tuple[str, ...] = ()
    # The language of `suggested_phrasing`; a note when the post's language has none.
    phrasing_language: str | None = None
    phrasing_note: str | None = None


@dataclass(frozen=True, slots=True)
class _Resolved:
    author: Person | None
    mentioned_ids: frozenset[str]
    project_ids: tuple[str, ...]


def _author_of(
    req: PostRequest, by_id: dict[str, Person], by_handle: dict[str, Person]
) -> Person | None:
    if req.author_id:
        return by_id.get(req.author_id)
    if req.author_handle:
        return by_handle.get(req.author_handle)
    return None


class _BatchIndex:
    """The batch's candidate rows grouped by project and by author, built once per batch.

    Each post then reads only its own rows: filtering the whole batch's rows per post made a
    batch of 50 cost O(50^2). Rows keep their position in the graph's answer, so a post's
    facts come out in the same order as a plain filter would give.
    """

    def __init__(self, graph: CandidateGraph) -> None:
        self.contributors: dict[str, list[tuple[int, Contribution]]] = defaultdict(list)
        for i, c in enumerate(graph.contributors):
            self.contributors[c.project_id].append((i, c))
        self.project_members: dict[str, list[tuple[int, TeamMember]]] = defaultdict(list)
        self.author_teammates: dict[str, list[tuple[int, TeamMember]]] = defaultdict(list)
        for i, m in enumerate(graph.team_members):
            if m.project_id is not None:
                self.project_members[m.project_id].append((i, m))
            if m.author_id is not None:
                self.author_teammates[m.author_id].append((i, m))
        self.shared: dict[str, list[SharedWork]] = defaultdict(list)
        for s in graph.shared:
            self.shared[s.author_id].append(s)

    def contributors_of(self, projects: Sequence[str]) -> list[Contribution]:
        rows = [row for p in dict.fromkeys(projects) for row in self.contributors.get(p, ())]
        return [c for _, c in sorted(rows, key=lambda row: row[0])]

    def members_of(self, projects: Sequence[str], author_id: str) -> list[TeamMember]:
        groups = [self.project_members.get(p, []) for p in dict.fromkeys(projects)]
        groups.append(self.author_teammates.get(author_id, []))
        rows = {i: m for group in groups for i, m in group}  # a row in two groups counts once
        return [rows[i] for i in sorted(rows)]


def _facts(
    author: Person, projects: Sequence[str], graph: CandidateGraph, index: _BatchIndex
) -> CreditFacts:
    contributors = tuple(index.contributors_of(projects))
    teammates = tuple(index.members_of(projects, author.id))
    shared: dict[str, list[str]] = defaultdict(list)
    co_mentions: dict[str, int] = defaultdict(int)
    for s in index.shared.get(author.id, ()):
        if s.project_id is None:
            co_mentions[s.person_id] += 1
        elif s.project_id not in shared[s.person_id]:
            shared[s.person_id].append(s.project_id)
    collaborators = tuple(
        CollaboratorFact(pid, tuple(sorted(shared.get(pid, ()))), co_mentions.get(pid, 0))
        for pid in sorted(set(shared) | set(co_mentions))
    )
    # Only this post's candidates: the batch's graph holds every post's people, and naming
    # them all made each answer cost O(batch) (a batch of 50 cost O(50^2)).
    candidates = {f.person_id for group in (contributors, teammates, collaborators) for f in group}
    return CreditFacts(
        contributors=contributors,
        teammates=teammates,
        collaborators=collaborators,
        person_names={
            pid: graph.people[pid].name for pid in sorted(candidates) if pid in graph.people
        },
        project_names=graph.project_names,
        team_names=graph.team_names,
        project_order=tuple(projects),
    )


class AnalysisService:
    """``credit`` and ``index`` None: no graph here at all (``teamcredit analyze`` without
    one): framing and culture only, and the answer is not marked degraded."""

    def __init__(
        self,
        credit: CreditRepository | None = None,
        index: ProjectIndex | None = None,
        shared: SharedState | None = None,
        cache_seconds: float = 0.0,
    ) -> None:
        self._credit = credit
        self._index = index
        self._shared = shared
        self._cache_seconds = cache_seconds

    async def analyze(self, req: PostRequest) -> PostAnalysisResult:
        return (await self.analyze_many([req]))[0]

    async def analyze_many(self, reqs: Sequence[PostRequest]) -> list[PostAnalysisResult]:
        shared = self._shared
        if shared is None or self._cache_seconds <= 0 or not reqs:
            return await self._analyze_many(reqs)
        digests = [analysis_cache.request_digest(r) for r in reqs]
        generation, found = await shared.cache_get_many(digests)
        results: list[PostAnalysisResult | None] = [
            None if v is None else v if generation is None else analysis_cache.decode(v)
            for v in found
        ]
        missing = [i for i, r in enumerate(results) if r is None]
        if missing:
            fresh = await self._analyze_many([reqs[i] for i in missing])
            store = []
            for i, result in zip(missing, fresh, strict=True):
                results[i] = result
                if not result.degraded:
                    value = result if generation is None else analysis_cache.encode(result)
                    store.append((digests[i], value))
            if store:
                await shared.cache_put_many(generation, store, self._cache_seconds)
        return [r for r in results if r is not None]

    async def _analyze_many(self, reqs: Sequence[PostRequest]) -> list[PostAnalysisResult]:
        framings = [analyze_framing(r.text, r.language, [m.name for m in r.mentions]) for r in reqs]
        if self._credit is None or self._index is None:
            return [self._without_graph(r, f, False) for r, f in zip(reqs, framings, strict=True)]
        graph_part: tuple[list[_Resolved], CandidateGraph] | None = None
        try:
            graph_part = await self._from_graph(reqs, self._credit, self._index)
        except GraphUnavailable as exc:
            log.warning("analysis.degraded", reason=exc.message)
        if graph_part is None:
            return [self._without_graph(r, f, True) for r, f in zip(reqs, framings, strict=True)]
        resolved, graph = graph_part
        index = _BatchIndex(graph)
        return [
            self._answer(r, f, res, graph, index)
            for r, f, res in zip(reqs, framings, resolved, strict=True)
        ]

    async def _from_graph(
        self, reqs: Sequence[PostRequest], credit: CreditRepository, index: ProjectIndex
    ) -> tuple[list[_Resolved], CandidateGraph]:
        matcher = await index.matcher()
        projects = [by_focus(matcher.match(r.text)) for r in reqs]
        graph = await credit.candidates(
            author_ids=[r.author_id for r in reqs if r.author_id],
            author_handles=[r.author_handle for r in reqs if r.author_handle and not r.author_id],
            mention_handles=[m.handle for r in reqs for m in r.mentions if m.handle],
            project_ids=[p for ps in projects for p in ps],
        )
        by_id = {p.id: p for p in graph.named}
        by_handle = {p.handle: p for p in graph.named if p.handle}
        resolved = []
        for r, about in zip(reqs, projects, strict=True):
            mentioned = frozenset(
                by_handle[m.handle].id for m in r.mentions if m.handle and m.handle in by_handle
            )
            resolved.append(_Resolved(_author_of(r, by_id, by_handle), mentioned, about))
        return resolved, graph

    def _answer(
        self,
        req: PostRequest,
        framing: FramingAnalysis,
        res: _Resolved,
        graph: CandidateGraph,
        index: _BatchIndex,
    ) -> PostAnalysisResult:
        author = res.author
        credit: list[CreditSuggestion] = []
        credited: set[str] = set()
        phrasing = phrase_for(req.text, framing.language, [])
        kinds = [s.kind for s in framing.signals]
        mention_text = "\n".join([req.text, *(m.name for m in req.mentions)])
        teams_named = credited_teams(mention_text, graph.team_names)
        team_work = bool(teams_named) or about_team_work(kinds)
        basis = credit_basis(res.project_ids, team_work)
        if author is not None and basis is not CreditBasis.NONE:
            facts = _facts(author, res.project_ids, graph, index)
            candidates = [graph.people[pid] for pid in facts.person_names]
            credited = credited_people(mention_text, candidates) | set(res.mentioned_ids)
            credited |= {
                pid for pid in facts.person_names if graph.memberships.get(pid, set()) & teams_named
            }
            if req.author_name:
                # The author named by the caller but unknown to the graph by handle.
                credited |= {
                    p.id for p in candidates if " ".join(p.name.split()) == req.author_name
                }
            credited.discard(author.id)
            credit = rank_credit(
                author.id,
                facts,
                excluded=credited,
                ui_language=req.ui_language,
                limit=MAX_SUGGESTIONS,
                basis=basis,
            )
            credited &= set(facts.person_names)
            phrasing = phrase_for(req.text, framing.language, top_names(credit, facts.person_names))
        culture = cultural_context(
            framing.orientation,
            author.country if author else None,
            req.reader_country,
            req.ui_language,
        )
        people = {pid: graph.people[pid] for pid in credited if pid in graph.people}
        people.update({s.person_id: graph.people[s.person_id] for s in credit})
        return PostAnalysisResult(
            framing,
            tuple(credit),
            phrasing.text,
            culture,
            author,
            False,
            res.project_ids,
            people,
            credit_basis=basis,
            already_credited=tuple(sorted(credited)),
            phrasing_language=phrasing.language,
            phrasing_note=phrasing.note,
        )

    def _without_graph(
        self, req: PostRequest, framing: FramingAnalysis, degraded: bool
    ) -> PostAnalysisResult:
        culture = cultural_context(framing.orientation, None, req.reader_country, req.ui_language)
        return PostAnalysisResult(framing, (), None, culture, None, degraded)
