"""Rank who else deserves credit for a post, from the facts the graph returned.

Pure and deterministic: the same facts always give the same list, in the same order. The
policy (docs/credit.md) depends on what the post is about, its `CreditBasis`:

- MATCHED_PROJECTS: the post names a known project. The contributors to the matched
  projects, then the members of the teams that own them. The project the post is mainly
  about comes first (`matcher.by_focus`); within a project a larger contribution ranks
  higher, weights read relative to the project's largest (so 0-1 and 0-100 scales rank
  the same); ties break by name.
- TEAM_WORK: no project, but the post is about work done with a team. The author's own
  teammates (or, for an author in no team, people who shared projects with them).
- NONE: nothing in the organisation: no suggestions and no phrasing.

People the post already credits (credited.py) and the author are never suggested.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, lru_cache
from importlib import resources

from teamcredit.analysis.models import SignalKind
from teamcredit.models import Contribution, TeamMember


class CreditBasis(str, Enum):
    """Why the answer suggests anyone at all (docs/credit.md)."""

    MATCHED_PROJECTS = "MATCHED_PROJECTS"
    TEAM_WORK = "TEAM_WORK"
    NONE = "NONE"


def about_team_work(signals: Iterable[SignalKind]) -> bool:
    """A post about work done with a team: it refers to a team ("my team", "mon équipe",
    "チーム") and thanks someone or claims an achievement. "We're hiring! Join our team."
    refers to a team but holds no work to credit. Signals only, not the orientation: the
    framing model's verdict on such a post can be COLLECTIVE."""
    kinds = set(signals)
    return SignalKind.TEAM_REFERENCE in kinds and bool(
        kinds & {SignalKind.GRATITUDE, SignalKind.ACHIEVEMENT_CLAIM}
    )


def credit_basis(matched_projects: Sequence[str], team_work: bool) -> CreditBasis:
    if matched_projects:
        return CreditBasis.MATCHED_PROJECTS
    if team_work:
        return CreditBasis.TEAM_WORK
    return CreditBasis.NONE


class CreditReason(str, Enum):
    PROJECT_CONTRIBUTOR = "PROJECT_CONTRIBUTOR"
    TEAMMATE = "TEAMMATE"
    FREQUENT_COLLABORATOR = "FREQUENT_COLLABORATOR"


@dataclass(frozen=True, slots=True)
class CollaboratorFact:
    person_id: str
    shared_projects: tuple[str, ...] = ()
    co_mentions: int = 0


@dataclass(frozen=True, slots=True)
class CreditFacts:
    contributors: tuple[Contribution, ...] = ()
    # project_id: the matched project the team owns; None for the author's own team.
    teammates: tuple[TeamMember, ...] = ()
    collaborators: tuple[CollaboratorFact, ...] = ()
    person_names: Mapping[str, str] = field(default_factory=dict)
    project_names: Mapping[str, str] = field(default_factory=dict)
    team_names: Mapping[str, str] = field(default_factory=dict)
    # The matched projects, the one the post is mainly about first (matcher.by_focus).
    project_order: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class CreditSuggestion:
    person_id: str
    reason: CreditReason
    evidence: str
    score: float
    project_id: str | None = None
    team_id: str | None = None


@cache
def _templates() -> dict[str, dict[str, str]]:
    raw = (resources.files("teamcredit") / "data" / "credit" / "evidence.toml").read_text("utf-8")
    return tomllib.loads(raw)


def _say(ui_language: str, key: str, **values: object) -> str:
    table = _templates()
    template = table.get(ui_language, table["en"]).get(key) or table["en"][key]
    return template.format(**values)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Names recur across requests (the same teams, the same people); post texts do not.
_fold_name = lru_cache(maxsize=65_536)(_fold)


def _relative_weights(contributors: Iterable[Contribution]) -> dict[tuple[str, str], float]:
    """Each weight over its project's largest: an HR export in percent (0-100) and one in
    fractions (0-1) rank the same. Negative weights count as 0; a project whose weights are
    all 0 (or missing) ranks its people by name."""
    top: dict[str, float] = {}
    for c in contributors:
        top[c.project_id] = max(top.get(c.project_id, 0.0), max(c.weight, 0.0))
    return {
        (c.person_id, c.project_id): (max(c.weight, 0.0) / top[c.project_id])
        if top[c.project_id] > 0
        else 0.0
        for c in contributors
    }


def rank_credit(
    author_id: str | None,
    facts: CreditFacts,
    excluded: Iterable[str] = (),
    ui_language: str = "en",
    limit: int = 5,
    basis: CreditBasis | None = None,
) -> list[CreditSuggestion]:
    """The people to credit, best first. `basis` None: MATCHED_PROJECTS when the facts hold
    project contributors or project teams, TEAM_WORK otherwise."""
    if basis is None:
        on_projects = facts.contributors or any(t.project_id for t in facts.teammates)
        basis = CreditBasis.MATCHED_PROJECTS if on_projects else CreditBasis.TEAM_WORK
    if basis is CreditBasis.NONE:
        return []
    skip = set(excluded)
    if author_id:
        skip.add(author_id)
    # (score, project rank, -relative weight): the sort key; score is what clients see.
    best: dict[str, tuple[CreditSuggestion, int, float]] = {}

    def offer(s: CreditSuggestion, rank: int = 0, weight: float = 0.0) -> None:
        if s.person_id in skip:
            return
        current = best.get(s.person_id)
        if current is None or s.score > current[0].score:
            best[s.person_id] = (s, rank, weight)

    projects, teams = facts.project_names, facts.team_names
    order = list(dict.fromkeys(facts.project_order))
    for c in facts.contributors:
        if c.project_id not in order:
            order.append(c.project_id)
    for t in facts.teammates:
        if t.project_id is not None and t.project_id not in order:
            order.append(t.project_id)
    rank_of = {pid: i for i, pid in enumerate(order)}
    count = max(len(order), 1)

    if basis is CreditBasis.MATCHED_PROJECTS:
        relative = _relative_weights(facts.contributors)
        for c in facts.contributors:
            project = projects.get(c.project_id, c.project_id)
            evidence = (
                _say(ui_language, "contributor_role", project=project, role=c.role)
                if c.role
                else _say(ui_language, "contributor", project=project)
            )
            weight = relative[(c.person_id, c.project_id)]
            rank = rank_of[c.project_id]
            # Bands per project, the main project's on top: [0.7, 1.0] split in `count`.
            score = 0.7 + 0.3 * (count - rank - 1 + weight) / count
            offer(
                CreditSuggestion(
                    c.person_id, CreditReason.PROJECT_CONTRIBUTOR, evidence, score, c.project_id
                ),
                rank,
                weight,
            )
        for t in facts.teammates:
            if t.project_id is None:
                continue  # the author's own team is for posts about team work
            team = teams.get(t.team_id, t.team_id)
            project = projects.get(t.project_id, t.project_id)
            evidence = _say(ui_language, "project_teammate", team=team, project=project)
            rank = rank_of[t.project_id]
            offer(
                CreditSuggestion(
                    t.person_id,
                    CreditReason.TEAMMATE,
                    evidence,
                    0.55 - 0.05 * rank / count,
                    t.project_id,
                    t.team_id,
                ),
                rank,
            )
    else:
        own_team = [t for t in facts.teammates if t.project_id is None]
        for t in own_team:
            team = teams.get(t.team_id, t.team_id)
            evidence = _say(ui_language, "author_teammate", team=team)
            offer(
                CreditSuggestion(
                    t.person_id, CreditReason.TEAMMATE, evidence, 0.45, None, t.team_id
                )
            )
        for f in () if own_team else facts.collaborators:
            if not f.shared_projects:
                continue  # a co-mention alone says nothing about this post's work
            first = projects.get(f.shared_projects[0], f.shared_projects[0])
            key = "shared_projects_one" if len(f.shared_projects) == 1 else "shared_projects_many"
            evidence = _say(ui_language, key, project=first, count=len(f.shared_projects))
            strength = len(f.shared_projects) + f.co_mentions
            score = 0.2 + 0.2 * min(strength, 5) / 5
            offer(
                CreditSuggestion(
                    f.person_id,
                    CreditReason.FREQUENT_COLLABORATOR,
                    evidence,
                    score,
                    f.shared_projects[0],
                )
            )

    names = facts.person_names
    ranked = sorted(
        best.values(),
        key=lambda entry: (
            -round(entry[0].score, 6),
            entry[1],
            -entry[2],
            _fold_name(names.get(entry[0].person_id, "")),
            entry[0].person_id,
        ),
    )
    return [
        CreditSuggestion(
            s.person_id, s.reason, s.evidence, round(s.score, 4), s.project_id, s.team_id
        )
        for s, _, _ in ranked[:limit]
    ]


def top_names(
    suggestions: Sequence[CreditSuggestion], names: Mapping[str, str], n: int = 3
) -> list[str]:
    return [names[s.person_id] for s in suggestions[:n] if s.person_id in names]
