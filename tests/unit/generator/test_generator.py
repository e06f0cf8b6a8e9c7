"""The synthetic organisation: deterministic, valid, realistic, with its answers planted."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from teamcredit.analysis.framing import analyze_framing
from teamcredit.generator import (
    MIN_PEOPLE,
    GeneratedOrganization,
    generate_organization,
    planted_answers,
    write,
)
from teamcredit.services.document import missing_references, parse_document

PEOPLE, SEED = 400, 11  # the organisation the cookbook tests import


@pytest.fixture(scope="module")
def org() -> GeneratedOrganization:
    return planted_answers(SEED, PEOPLE)


def test_same_seed_same_organisation_other_seed_another() -> None:
    first = generate_organization(200, 3).document
    again = generate_organization(200, 3).document
    other = generate_organization(200, 4).document
    assert json.dumps(first) == json.dumps(again)
    assert json.dumps(first) != json.dumps(other)


def test_document_is_valid_and_self_contained(org: GeneratedOrganization) -> None:
    doc = parse_document(org.document)
    assert missing_references(doc) == {}
    assert len(doc.people) == PEOPLE
    assert len(doc.organizations) >= 2
    assert 9.5 * PEOPLE <= len(doc.posts) <= 10.5 * PEOPLE
    assert {p.language for p in doc.posts} == {"en", "fr", "es", "de"}
    assert len({p.country for p in doc.people}) >= 10


def test_every_post_reads_as_written(org: GeneratedOrganization) -> None:
    """The importer recomputes framing from the text: it must find what was planted."""
    for post in org.document["posts"]:
        found = analyze_framing(post["text"], post["language"])
        assert found.orientation.value == org.intended[post["id"]], post["text"]


def test_mentions_are_in_the_text_and_credits_among_them(org: GeneratedOrganization) -> None:
    names = {p["id"]: p["name"] for p in org.document["people"]}
    for post in org.document["posts"]:
        assert post["text"].count("@") == len(post["mentions"])
        for person in post["mentions"]:
            assert f"@{names[person]}" in post["text"]
        assert set(post["credits"]) <= set(post["mentions"])
        assert post["authorId"] not in post["mentions"]


def test_teams_have_realistic_sizes_and_a_few_are_small(org: GeneratedOrganization) -> None:
    sizes = Counter(m["teamId"] for m in org.document["memberships"])
    assert all(3 <= n <= 15 for n in sizes.values())
    small = sorted(t for t, n in sizes.items() if n < 5)
    assert small == org.planted.small_teams and len(small) >= 2
    assert sum(n for n in sizes.values() if n >= 5) / len(sizes) > 5


def test_cross_team_work_exists(org: GeneratedOrganization) -> None:
    team_of = {m["personId"]: m["teamId"] for m in org.document["memberships"]}
    owner = {p["id"]: p["teamId"] for p in org.document["projects"]}
    outside = [
        c for c in org.document["contributions"] if team_of[c["personId"]] != owner[c["projectId"]]
    ]
    assert len(outside) > len(org.document["projects"]) / 3
    assert org.answers.transversality, "teams name people of other teams"


def test_planted_answers_are_the_answers(org: GeneratedOrganization) -> None:
    planted, answers = org.planted, org.answers
    assert answers.people_without_team == planted.people_without_team
    assert answers.unposted_projects == planted.unposted_projects
    assert answers.insular_teams == planted.insular_teams
    assert set(planted.never_credited) <= set(answers.never_credited)
    assert answers.most_credited[0]["personId"] == planted.most_credited
    assert answers.most_credited[0]["posts"] > 1.9 * answers.most_credited[1]["posts"]
    assert answers.credit_concentration[0]["teamId"] == planted.hero_team
    assert answers.credit_concentration[0]["topPersonId"] == planted.hero
    assert answers.credit_concentration[0]["share"] > 0.8
    assert answers.most_colleagues_posts[0] == {"postId": planted.max_post, "colleagues": 12}
    assert answers.framing_correlation > 0.9
    never = set(planted.never_credited)
    assert {person for _, person in answers.uncredited_contributors} >= never - {
        c["personId"]
        for c in org.document["contributions"]
        if c["projectId"] in planted.unposted_projects
    }


@pytest.mark.parametrize("seed", [1, 2, 5, 8, 13])
def test_plants_hold_across_seeds(seed: int) -> None:
    generated = generate_organization(200, seed)  # raises PlantFailed otherwise
    assert generated.answers.framing_correlation > 0.5


def test_too_few_people_is_refused() -> None:
    with pytest.raises(ValueError, match=str(MIN_PEOPLE)):
        generate_organization(MIN_PEOPLE - 1, 1)


def test_ids_and_handles_are_unique_and_readable(org: GeneratedOrganization) -> None:
    people = org.document["people"]
    assert len({p["handle"] for p in people}) == len(people)
    assert all(re.fullmatch(r"[a-z0-9-]+", p["handle"]) for p in people)
    posts = [p["id"] for p in org.document["posts"]]
    assert posts == sorted(posts)  # numbered in publication order
    dates = [p["publishedAt"] for p in org.document["posts"]]
    assert dates == sorted(dates)


def test_write_makes_the_document_and_its_answers(tmp_path: Path) -> None:
    generated = generate_organization(200, 5)
    sidecar = write(generated, tmp_path / "org.json")
    assert sidecar == tmp_path / "org.json.answers.json"
    assert json.loads((tmp_path / "org.json").read_text()) == generated.document
    answers = json.loads(sidecar.read_text())
    assert answers["seed"] == 5 and answers["people"] == 200
    assert answers["planted"]["most_credited"] == generated.planted.most_credited
    assert answers["answers"]["insular_teams"] == generated.answers.insular_teams


def test_generate_command(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from teamcredit.cli import app

    out = tmp_path / "org.json"
    args = ["generate", "--people", "200", "--seed", "5", "--out", str(out), "-q"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "200 people" in " ".join(result.output.split())
    assert json.loads(out.read_text()) == generate_organization(200, 5).document
    assert (tmp_path / "org.json.answers.json").exists()
    too_few = CliRunner().invoke(app, ["generate", "--people", "10", "--out", str(out)])
    assert too_few.exit_code == 2
