"""Every docs/cypher/ query, run on a generated organisation, gives the planted answer.

The expected values come from teamcredit.generator.answers, which asks each question of
the JSON document in plain Python; the planted facts (who was made the most credited,
which teams were made insular...) are checked on top, so a query and its oracle cannot
drift together.
"""

from __future__ import annotations

import re

from teamcredit.analysis.dashboard import DashboardFilter, Figures
from teamcredit.models import RecognitionCounts
from teamcredit.services.reframe import reframe_posts
from tests.cookbook.conftest import COOKBOOK, REPO, Cookbook


def _pick(rows: list[dict[str, object]], *keys: str) -> list[dict[str, object]]:
    return [{k: r[k] for k in keys} for r in rows]


def test_cookbook_has_ten_documented_analyses() -> None:
    files = sorted(COOKBOOK.glob("*.cypher"))
    assert len(files) >= 10
    guide = (REPO / "docs" / "cypher-cookbook.md").read_text(encoding="utf-8")
    for path in files:
        header = path.read_text(encoding="utf-8").split("\n\n")[0]
        for part in ("Question:", "Parameters:", "Answer:"):
            assert part in header, (path.name, part)
        assert f"(cypher/{path.name})" in guide, f"{path.name} has no section in the cookbook"
        if "Privacy:" in header:  # team-level figures: the floor is in the query itself
            assert re.search(r">= 5 // privacy floor", path.read_text()), path.name


async def test_posts_are_framed_as_planted(cookbook: Cookbook) -> None:
    rows = await cookbook.services.client.read(
        "MATCH (n:Post) RETURN n.id AS id, n.orientation AS orientation", timeout=30
    )
    found = {r["id"]: r["orientation"] for r in rows}
    assert found == cookbook.org.intended


async def test_01_recognition_balance(cookbook: Cookbook) -> None:
    rows = await cookbook.run("01")
    keys = ("teamId", "members", "posts", "individual", "balanced", "collective", "mixedSignals")
    keys += ("notJudged",)
    assert _pick(rows, *keys) == cookbook.org.answers.recognition_balance
    assert sum(r["mixedSignals"] for r in rows) > 0  # the generator's posts include some
    assert not {r["teamId"] for r in rows} & set(cookbook.org.planted.small_teams)


async def test_02_uncredited_contributors(cookbook: Cookbook) -> None:
    rows = await cookbook.run("02")
    pairs = [(r["projectId"], r["personId"]) for r in rows]
    assert pairs == cookbook.org.answers.uncredited_contributors
    quiet = {person for _, person in pairs} & set(cookbook.org.planted.never_credited)
    assert quiet, "the planted quiet contributors show up"


async def test_03_cross_team_credit(cookbook: Cookbook) -> None:
    rows = await cookbook.run("03", "limit=100000")
    found = [
        {
            "fromTeam": r["fromTeamId"],
            "toTeam": r["toTeamId"],
            "mentions": r["mentions"],
            "people": r["people"],
        }
        for r in rows
    ]
    assert found == cookbook.org.answers.transversality
    small = set(cookbook.org.planted.small_teams)
    assert not {r["fromTeamId"] for r in rows} & small
    assert not {r["toTeamId"] for r in rows} & small
    assert len(await cookbook.run("03")) == 50  # $limit defaults to 50


async def test_04_credit_concentration(cookbook: Cookbook) -> None:
    rows = await cookbook.run("04")
    keys = ("teamId", "members", "mentions", "topPersonId", "topMentions", "share")
    assert _pick(rows, *keys) == cookbook.org.answers.credit_concentration
    assert rows[0]["teamId"] == cookbook.org.planted.hero_team
    assert rows[0]["topPersonId"] == cookbook.org.planted.hero
    assert rows[0]["share"] > 0.8 > rows[1]["share"]


async def test_05_framing_by_country(cookbook: Cookbook) -> None:
    rows = await cookbook.run("05")  # $hofstede comes from the packaged table
    expected = {r["country"]: r for r in cookbook.org.answers.framing_by_country}
    assert {r["country"] for r in rows} == set(expected)
    for row in rows:
        want = expected[row["country"]]
        assert row["individualism"] == want["individualism"]
        keys = ("posts", "individual", "balanced", "collective", "mixedSignals", "notJudged")
        assert [row[k] for k in keys] == [want[k] for k in keys]
        assert row["correlation"] == rows[0]["correlation"]
    assert abs(rows[0]["correlation"] - cookbook.org.answers.framing_correlation) < 1e-3
    assert rows[0]["correlation"] > 0.9
    most, least = rows[0], rows[-1]  # ordered by individualism
    assert most["avgScore"] > least["avgScore"]


async def test_05_accepts_scores_as_a_parameter(cookbook: Cookbook) -> None:
    rows = await cookbook.run(
        "05", 'hofstede=[{"iso2": "US", "idv": 91}, {"iso2": "KR", "idv": 18}]'
    )
    assert [r["country"] for r in rows] == ["US", "KR"]
    assert rows[0]["correlation"] == 1.0


async def test_06_insular_teams(cookbook: Cookbook) -> None:
    rows = await cookbook.run("06")
    assert [r["teamId"] for r in rows] == cookbook.org.planted.insular_teams


async def test_07_people_without_team(cookbook: Cookbook) -> None:
    rows = await cookbook.run("07")
    assert [r["personId"] for r in rows] == cookbook.org.planted.people_without_team


async def test_08_projects_nobody_posts_about(cookbook: Cookbook) -> None:
    rows = await cookbook.run("08")
    assert [r["projectId"] for r in rows] == cookbook.org.planted.unposted_projects
    assert all(r["teamId"] and r["contributors"] > 0 for r in rows)


async def test_09_most_credited_people(cookbook: Cookbook) -> None:
    rows = await cookbook.run("09")
    assert _pick(rows, "personId", "posts", "credits") == cookbook.org.answers.most_credited
    assert rows[0]["personId"] == cookbook.org.planted.most_credited
    assert len(await cookbook.run("09", "top=3")) == 3


async def test_10_posts_crediting_most_colleagues(cookbook: Cookbook) -> None:
    rows = await cookbook.run("10")
    assert _pick(rows, "postId", "colleagues") == cookbook.org.answers.most_colleagues_posts
    assert rows[0]["postId"] == cookbook.org.planted.max_post
    assert rows[0]["colleagues"] == 12 and rows[0]["orientation"] == "COLLECTIVE"


async def test_11_contributors_never_credited(cookbook: Cookbook) -> None:
    rows = await cookbook.run("11")
    ids = [r["personId"] for r in rows]
    assert ids == cookbook.org.answers.never_credited
    assert set(cookbook.org.planted.never_credited) <= set(ids)


FRAMINGS = ("posts", "individual", "balanced", "collective", "mixedSignals", "notJudged")
AS_LEGACY = """UNWIND $ids AS key MATCH (n:Post {id: key})
REMOVE n.framingConfidence, n.mixedSignals"""


def _counted(c: RecognitionCounts | Figures | None) -> list[int]:
    assert c is not None
    return [c.posts, c.individual, c.balanced, c.collective, c.mixed_signals, c.not_judged]


async def test_not_judged_posts_agree_across_cookbook_api_and_dashboard(cookbook: Cookbook) -> None:
    """Posts stored before the mixed-signals flag was kept: 01 and 05 count them as notJudged,
    apart from mixedSignals, exactly as recognitionReport and the dashboard do; once
    `teamcredit reframe` has judged them, 01 gives the planted answer again."""
    services = cookbook.services
    ids = [r["id"] for r in await services.client.read("MATCH (n:Post) RETURN n.id AS id")]
    legacy = sorted(ids)[::10]
    await services.client.write(AS_LEGACY, {"ids": legacy}, timeout=60)
    try:
        teams = await cookbook.run("01")
        assert sum(r["notJudged"] for r in teams) > 0 and sum(r["mixedSignals"] for r in teams) > 0
        index = (await services.dashboard.refresh()).index
        report = await services.recognition.repo.for_teams([r["teamId"] for r in teams], None)
        for row in teams:
            cookbook_says = [row[k] for k in FRAMINGS]
            assert cookbook_says == _counted(report[row["teamId"]]), row["teamId"]
            team = index.team_figures(index.teams[row["teamId"]], DashboardFilter())
            assert cookbook_says == _counted(team.figures), row["teamId"]
            assert row["posts"] == sum(row[k] for k in FRAMINGS[1:])
        countries = await cookbook.run("05")
        assert sum(r["notJudged"] for r in countries) > 0
        shown = {r.country: r for r in index.cultures(DashboardFilter()).rows}
        compared = 0
        for row in countries:
            if row["country"] in shown and shown[row["country"]].figures is not None:
                assert [row[k] for k in FRAMINGS] == _counted(shown[row["country"]].figures)
                compared += 1
        assert compared > 0

        assert await reframe_posts(services.posts, services.dashboard.repo) == len(legacy)
        keys = ("teamId", "members", *FRAMINGS)
        assert _pick(await cookbook.run("01"), *keys) == cookbook.org.answers.recognition_balance
    finally:
        await reframe_posts(services.posts, services.dashboard.repo)
