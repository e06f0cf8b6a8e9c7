"""Rank who else deserves credit for a post, from the facts the graph returned.

Pure and deterministic: the same facts always give the same list, in the same order.
Tiers, best first: contributors to the projects the post is about, members of the teams
that own those projects, the author's own teammates, then frequent collaborators. Within a
tier, a larger contribution weight (or more shared work) ranks higher; ties break by name.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from functools import cache, lru_cache
from importlib import resources

from teamcredit.analysis.mentions import whole_word_occurrences
from teamcredit.models import Contribution, TeamMember


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


_WORDS = re.compile(r"\w+")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Names recur across requests (the same teams, the same people); post texts do not.
_fold_name = lru_cache(maxsize=65_536)(_fold)


def already_named(text: str, names: Mapping[str, str]) -> set[str]:
    """People the text already names: their full name, or their first name as a whole word
    ("thanks Bob!"); accent- and case-insensitive."""
    if not names:
        return set()
    folded = _fold(text)
    words = set(_WORDS.findall(folded))
    named = set()
    for person_id, name in names.items():
        full = _fold_name(name).strip()
        if not full:
            continue
        # A regex per name, compiled per name and call, made batches of 50 posts spend most
        # of their time in re.compile.
        if full.split()[0] in words or next(whole_word_occurrences(folded, full), None):
            named.add(person_id)
    return named


def rank_credit(
    author_id: str | None,
    facts: CreditFacts,
    excluded: Iterable[str] = (),
    ui_language: str = "en",
    limit: int = 5,
) -> list[CreditSuggestion]:
    skip = set(excluded)
    if author_id:
        skip.add(author_id)
    best: dict[str, CreditSuggestion] = {}

    def offer(s: CreditSuggestion) -> None:
        if s.person_id in skip:
            return
        current = best.get(s.person_id)
        if current is None or s.score > current.score:
            best[s.person_id] = s

    projects, teams = facts.project_names, facts.team_names
    for c in facts.contributors:
        project = projects.get(c.project_id, c.project_id)
        evidence = (
            _say(ui_language, "contributor_role", project=project, role=c.role)
            if c.role
            else _say(ui_language, "contributor", project=project)
        )
        weight = max(0.0, min(c.weight, 1.0))
        offer(
            CreditSuggestion(
                c.person_id,
                CreditReason.PROJECT_CONTRIBUTOR,
                evidence,
                0.7 + 0.3 * weight,
                c.project_id,
            )
        )
    for t in facts.teammates:
        team = teams.get(t.team_id, t.team_id)
        if t.project_id is not None:
            project = projects.get(t.project_id, t.project_id)
            evidence = _say(ui_language, "project_teammate", team=team, project=project)
            score = 0.55
        else:
            evidence = _say(ui_language, "author_teammate", team=team)
            score = 0.45
        offer(
            CreditSuggestion(
                t.person_id, CreditReason.TEAMMATE, evidence, score, t.project_id, t.team_id
            )
        )
    for f in facts.collaborators:
        strength = len(f.shared_projects) + f.co_mentions
        if strength == 0:
            continue
        if f.shared_projects:
            first = projects.get(f.shared_projects[0], f.shared_projects[0])
            key = "shared_projects_one" if len(f.shared_projects) == 1 else "shared_projects_many"
            evidence = _say(ui_language, key, project=first, count=len(f.shared_projects))
        else:
            evidence = _say(ui_language, "co_mentioned")
        score = 0.2 + 0.2 * min(strength, 5) / 5
        project_id = f.shared_projects[0] if f.shared_projects else None
        offer(
            CreditSuggestion(
                f.person_id, CreditReason.FREQUENT_COLLABORATOR, evidence, score, project_id
            )
        )

    names = facts.person_names
    ranked = sorted(
        best.values(), key=lambda s: (-s.score, _fold_name(names.get(s.person_id, "")), s.person_id)
    )
    return [
        CreditSuggestion(
            s.person_id, s.reason, s.evidence, round(s.score, 4), s.project_id, s.team_id
        )
        for s in ranked[:limit]
    ]


def top_names(
    suggestions: Sequence[CreditSuggestion], names: Mapping[str, str], n: int = 3
) -> list[str]:
    return [names[s.person_id] for s in suggestions[:n] if s.person_id in names]
