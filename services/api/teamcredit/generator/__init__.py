"""A synthetic organisation with known answers: ``teamcredit generate``.

Deterministic per seed (one ``random.Random(seed)`` threads through every draw; nothing
iterates a set). Pure: no I/O but the package's own data files, and :func:`write` for the
CLI. The answers each docs/cypher/ query should give are computed from the document by
:mod:`teamcredit.generator.answers`, and the planted ones are checked before returning,
so a generated organisation always has the answers it claims.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from teamcredit.analysis.culture import all_cultures
from teamcredit.analysis.framing import analyze_framing
from teamcredit.generator.answers import Answers, Planted, compute_answers, ids
from teamcredit.generator.emit import document, number_posts
from teamcredit.generator.model import Organisation
from teamcredit.generator.posts import plan_posts
from teamcredit.generator.render import Renderer
from teamcredit.generator.shape import DEFAULT_SHAPE, MIN_PEOPLE, Shape
from teamcredit.generator.structure import build_structure

__all__ = [
    "MIN_PEOPLE",
    "Answers",
    "GeneratedOrganization",
    "PlantFailed",
    "Planted",
    "generate_organization",
    "hofstede_individualism",
    "planted_answers",
    "write",
]

Progress = Callable[[str, int, int], None]


class PlantFailed(RuntimeError):
    """A planted answer did not come out as planted (a generator bug, or too few people)."""


@dataclass(frozen=True, slots=True)
class GeneratedOrganization:
    seed: int
    people: int
    document: dict[str, Any]
    intended: dict[str, str]  # post id -> the orientation its template was written for
    planted: Planted
    answers: Answers

    def sidecar(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "people": self.people,
            "planted": self.planted.as_json(),
            "answers": self.answers.as_json(),
        }


def hofstede_individualism() -> dict[str, int]:
    return {c.country: c.individualism for c in all_cultures() if c.individualism is not None}


def _silent(_stage: str, _done: int, _total: int) -> None:
    return None


def generate_organization(
    people: int, seed: int, shape: Shape = DEFAULT_SHAPE, progress: Progress | None = None
) -> GeneratedOrganization:
    if people < MIN_PEOPLE:
        raise ValueError(f"at least {MIN_PEOPLE} people are needed for the planted answers")
    note = progress or _silent
    rng = random.Random(seed)
    org = build_structure(rng, people, shape)
    note("structure", 1, 1)
    plan_posts(rng, org, shape, round(shape.posts_per_person * people), note)
    number_posts(org)
    doc = document(org, Renderer(rng), note)
    intended = {post.id: post.orientation.value for post in org.posts}
    # The posts the analyser will find mixed signals in, as the import will judge them: the
    # figures count those in no orientation (1.5 s for 30,000 posts).
    mixed = {
        p["id"] for p in doc["posts"] if analyze_framing(p["text"], p.get("language")).mixed_signals
    }
    answers = compute_answers(doc, intended, hofstede_individualism(), mixed)
    planted = _planted(org)
    _check(planted, answers)
    note("answers", 1, 1)
    return GeneratedOrganization(seed, people, doc, intended, planted, answers)


@lru_cache(maxsize=4)
def planted_answers(seed: int, people: int) -> GeneratedOrganization:
    """The organisation of (seed, people), cached: the tests' source of known answers."""
    return generate_organization(people, seed)


def _planted(org: Organisation) -> Planted:
    assert org.hero_team and org.hero and org.star and org.max_post
    return Planted(
        people_without_team=ids(p for p in org.people if p.team is None),
        small_teams=ids(t for t in org.teams if t.size < 5),
        insular_teams=ids(t for t in org.teams if t.insular),
        never_credited=ids(p for p in org.people if p.never_credited),
        unposted_projects=ids(p for p in org.projects if p.unposted),
        hero_team=org.hero_team.id,
        hero=org.hero.id,
        most_credited=org.star.id,
        max_post=org.max_post.id,
        max_post_colleagues=len(org.max_post.mentions),
        notes={
            "hero_team": "the team whose mentions mostly go to one person (hero)",
            "most_credited": "the person named in the most posts by others",
            "max_post": "the post that names the most colleagues",
            "framing": "P(individual post) rises linearly with the author country's "
            "Hofstede individualism",
        },
    )


def _check(planted: Planted, answers: Answers) -> None:
    failures = []
    if answers.people_without_team != planted.people_without_team:
        failures.append("people without a team")
    if answers.unposted_projects != planted.unposted_projects:
        failures.append("projects nobody posts about")
    if answers.insular_teams != planted.insular_teams:
        failures.append("insular teams")
    if not set(planted.never_credited) <= set(answers.never_credited):
        failures.append("never credited contributors")
    if answers.most_credited[0]["personId"] != planted.most_credited:
        failures.append("most credited person")
    if answers.credit_concentration[0]["teamId"] != planted.hero_team:
        failures.append("most concentrated team")
    top = answers.most_colleagues_posts
    if top[0]["postId"] != planted.max_post or top[1]["colleagues"] >= top[0]["colleagues"]:
        failures.append("post naming the most colleagues")
    if answers.framing_correlation < 0.5:  # about 0.95 from 400 people up
        failures.append(f"framing/individualism correlation ({answers.framing_correlation})")
    if failures:
        raise PlantFailed("planted answers did not hold: " + ", ".join(failures))


def write(generated: GeneratedOrganization, out: Path) -> Path:
    """Write the document to ``out`` and the answers to ``out`` + '.answers.json'."""
    out.write_text(json.dumps(generated.document, ensure_ascii=False), encoding="utf-8")
    sidecar = out.with_name(out.name + ".answers.json")
    sidecar.write_text(
        json.dumps(generated.sidecar(), ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return sidecar
