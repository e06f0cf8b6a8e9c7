"""The dashboard's GraphQL on the demo organisation: figures checked against the graph itself
(and against recognitionReport), the privacy floor, the `report` scope, bad filters."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from teamcredit.cli import app as cli
from teamcredit.services.container import Services
from teamcredit.services.dashboard import GRAPH_VERSION_EVERY
from teamcredit.services.document import load_document
from teamcredit.services.importer import Importer
from teamcredit.services.reframe import reframe_posts
from teamcredit.settings import Settings
from tests.conftest import DEMO, wipe_graph
from tests.support.api import asgi_client, codes, env_for, gql

FIGURES = (
    "posts individual balanced collective mixedSignals notJudged postsCrediting shareCrediting "
    "peopleCredited authors"
)
OVERVIEW_ALL = """{ dashboard { overview { total { posts individual balanced collective
  mixedSignals notJudged unclassified } } } }"""
STATS = """{ recognitionReport { stats { posts individual balanced collective mixedSignals
  notJudged } } }"""
# Posts as stored before the framing's confidence and flag were kept (graph-model.md).
AS_LEGACY = """UNWIND $ids AS key MATCH (n:Post {id: key})
REMOVE n.framingConfidence, n.mixedSignals"""
OVERVIEW = f"""query($f: DashboardFilter) {{ dashboard(filter: $f) {{ minGroupSize overview {{
  groupSize withheld withheldReason months {{ month figures {{ {FIGURES} }} }} total {{ {FIGURES} }} }} }} }}"""
TEAMS = f"""query($f: DashboardFilter) {{ dashboard(filter: $f) {{ teams {{ id members withheld
  withheldReason figures {{ {FIGURES} }} creditsGiven timesCredited membersCredited
  unsung {{ person {{ id }} project {{ id }} missedCount missedPosts {{ id }} }} }} }} }}"""
CULTURES = """{ dashboard { cultures { rows { country individualism people withheld withheldReason
  figures { posts individual } } sources caveat } } }"""
PROJECT = """query($id: ID!) { dashboard { project(id: $id) { summary { contributors posts withheld
  withheldReason } contributors { person { id } credited creditedIn authored }
  posts { post { id orientation mixedSignals } author { id } credited { id } } } } }"""


@pytest.fixture(scope="module")
async def demo(services: Services) -> Services:
    await wipe_graph(services)
    await Importer(services.client).run(load_document(DEMO))
    services.project_changed()
    await services.dashboard.refresh()
    return services


@pytest.fixture
async def api(settings: Settings, demo: Services) -> AsyncIterator[httpx.AsyncClient]:
    key = (await demo.keys.create("dashboard-tests", ("report",))).secret
    async with asgi_client(settings, key) as client:
        yield client


async def _dashboard(api: httpx.AsyncClient, query: str, f: dict[str, Any] | None = None) -> Any:
    return (await gql(api, query, {"f": f or {}}))["data"]["dashboard"]


async def test_overview_matches_the_graph(api: httpx.AsyncClient, demo: Services) -> None:
    rows = await demo.client.read(
        "MATCH (:Person)-[:AUTHORED]->(n:Post) RETURN n.orientation AS o, count(*) AS c"
    )
    by_orientation = {r["o"]: r["c"] for r in rows}
    o = (await _dashboard(api, OVERVIEW))["overview"]
    assert o["withheld"] is False and o["groupSize"] == 30
    assert o["total"]["posts"] == sum(by_orientation.values()) == 40
    assert o["total"]["individual"] == by_orientation.get("INDIVIDUAL", 0)
    assert o["total"]["collective"] == by_orientation.get("COLLECTIVE", 0)
    assert [m["month"] for m in o["months"]] == [f"2026-{m:02d}" for m in range(1, 11)]
    assert sum(m["figures"]["posts"] for m in o["months"]) == 40
    named = await demo.client.read(
        "MATCH (a:Person)-[:AUTHORED]->(n:Post)-[:MENTIONS|CREDITS]->(c:Person) WHERE c <> a "
        "RETURN count(DISTINCT n) AS posts, count(DISTINCT c) AS people"
    )
    assert o["total"]["postsCrediting"] == named[0]["posts"]
    assert o["total"]["peopleCredited"] == named[0]["people"]
    assert o["total"]["shareCrediting"] == pytest.approx(named[0]["posts"] / 40)


async def test_mixed_signals_count_in_no_orientation(
    api: httpx.AsyncClient, demo: Services, full_key: str
) -> None:
    """The demo's posts were judged at import: each is a shown verdict or mixed signals."""
    rows = await demo.client.read(
        "MATCH (:Person)-[:AUTHORED]->(n:Post) "
        "RETURN n.orientation AS o, n.mixedSignals AS m, count(*) AS c"
    )
    shown = {r["o"]: r["c"] for r in rows if r["m"] is False}
    mixed = sum(r["c"] for r in rows if r["m"] is True)
    assert mixed > 0 and sum(r["c"] for r in rows if r["m"] is None) == 0
    total = (await _dashboard(api, OVERVIEW_ALL))["overview"]["total"]
    for name in ("individual", "balanced", "collective"):
        assert total[name] == shown.get(name.upper(), 0), name
    assert (total["mixedSignals"], total["notJudged"]) == (mixed, 0)
    assert total["unclassified"] == mixed  # deprecated: the two added up
    assert total["posts"] == sum(shown.values()) + mixed
    stats = (await gql(api, STATS, key=full_key))["data"]["recognitionReport"]["stats"]
    assert stats == {k: total[k] for k in stats}


async def test_legacy_posts_count_as_not_judged_until_reframe(
    api: httpx.AsyncClient, demo: Services, settings: Settings, full_key: str
) -> None:
    """Posts stored before the flag was kept count apart from mixed signals, in the dashboard
    and in recognitionReport alike; `teamcredit reframe` judges them and the running API's
    figures follow (through the organisation's version, no restart)."""
    rows = await demo.client.read(
        "MATCH (:Person)-[:AUTHORED]->(n:Post) "
        "RETURN n.id AS id, n.orientation AS o, n.mixedSignals AS m ORDER BY id"
    )
    judged = (await _dashboard(api, OVERVIEW_ALL))["overview"]["total"]
    # Three shown verdicts and one mixed-signals post lose their flag.
    sure = [r for r in rows if r["m"] is False][:3]
    legacy = [r["id"] for r in sure] + [r["id"] for r in rows if r["m"] is True][:1]
    await demo.client.write(AS_LEGACY, {"ids": legacy})
    services = api.app.state.services  # type: ignore[attr-defined]
    try:
        await services.dashboard.refresh()  # Cypher run directly: nothing counts it
        total = (await _dashboard(api, OVERVIEW_ALL))["overview"]["total"]
        assert total["notJudged"] == 4
        assert total["mixedSignals"] == judged["mixedSignals"] - 1
        for name in ("individual", "balanced", "collective"):
            lost = sum(r["o"] == name.upper() for r in sure)
            assert total[name] == judged[name] - lost, name
        assert (
            total["posts"]
            == judged["posts"]
            == sum(
                total[k]
                for k in ("individual", "balanced", "collective", "mixedSignals", "notJudged")
            )
        )
        assert total["unclassified"] == total["mixedSignals"] + total["notJudged"]
        stats = (await gql(api, STATS, key=full_key))["data"]["recognitionReport"]["stats"]
        assert stats == {k: total[k] for k in stats}

        env = {**env_for(settings), "COLUMNS": "200"}
        # In a thread: the command runs its own event loop (asyncio.run), as from a shell.
        ran = await asyncio.to_thread(CliRunner().invoke, cli, ["reframe"], env=env)
        assert ran.exit_code == 0 and "4 posts judged again" in ran.output, ran.output
        # The command bumped the organisation's version, read at most once a second.
        await asyncio.sleep(GRAPH_VERSION_EVERY)
        after = (await _dashboard(api, OVERVIEW_ALL))["overview"]["total"]
        assert after == judged
        stats = (await gql(api, STATS, key=full_key))["data"]["recognitionReport"]["stats"]
        assert stats["notJudged"] == 0 and stats == {k: after[k] for k in stats}
    finally:
        await reframe_posts(demo.posts, demo.dashboard.repo)  # the demo as it was


async def test_a_post_written_with_mixed_signals_shows_none_as_its_framing(
    api: httpx.AsyncClient, demo: Services, full_key: str
) -> None:
    """Through ingestPost, so the dashboard adds it at write time (post_written)."""
    before = (await gql(api, PROJECT, {"id": "pr-atlas"}))["data"]["dashboard"]["project"]
    assert all(p["post"]["mixedSignals"] is False for p in before["posts"])
    assert all(p["post"]["orientation"] for p in before["posts"])
    body = await gql(
        api,
        "mutation($input: PostInput!) { ingestPost(input: $input) { id } }",
        {"input": {"text": "Atlas launch today.", "authorId": "p-bob-nguyen", "language": "en"}},
        key=full_key,
    )
    post_id = body["data"]["ingestPost"]["id"]
    try:
        after = (await gql(api, PROJECT, {"id": "pr-atlas"}))["data"]["dashboard"]["project"]
        new = [p["post"] for p in after["posts"] if p["post"]["id"] == post_id]
        assert new == [{"id": post_id, "orientation": None, "mixedSignals": True}]
        total = (await _dashboard(api, OVERVIEW_ALL))["overview"]["total"]
        mixed = await demo.client.read("MATCH (n:Post {mixedSignals: true}) RETURN count(n) AS c")
        assert (total["mixedSignals"], total["notJudged"]) == (mixed[0]["c"], 0)
    finally:
        await demo.client.write("MATCH (n:Post {id: $id}) DETACH DELETE n", {"id": post_id})
        await demo.dashboard.refresh()


async def test_filters_change_the_figures(api: httpx.AsyncClient) -> None:
    spring = (await _dashboard(api, OVERVIEW, {"from": "2026-03", "to": "2026-05"}))["overview"]
    assert [m["month"] for m in spring["months"]] == ["2026-03", "2026-04", "2026-05"]
    assert spring["total"]["posts"] == 12
    france = (await _dashboard(api, OVERVIEW, {"country": "fr"}))["overview"]
    assert france["groupSize"] == 11 and 0 < france["total"]["posts"] < 40
    acme = (await _dashboard(api, OVERVIEW, {"organizationId": "org-acme"}))["overview"]
    assert 0 < acme["groupSize"] < 30


async def test_team_figures_agree_with_recognition_report(
    api: httpx.AsyncClient, full_key: str
) -> None:
    teams = {t["id"]: t for t in (await _dashboard(api, TEAMS))["teams"]}
    platform = teams["t-platform"]
    assert platform["withheld"] is False and platform["members"] == 8
    # The same team through the older report (a scan per request).
    stats = (
        await gql(
            api,
            '{ recognitionReport(teamId: "t-platform") { stats { posts individual balanced '
            "collective mixedSignals notJudged peopleCredited } } }",
            key=full_key,
        )
    )["data"]["recognitionReport"]["stats"]
    figures = platform["figures"]
    assert figures["posts"] == stats["posts"] > 0
    assert stats == {k: figures[k] for k in stats}
    unsung = {(u["person"]["id"], u["project"]["id"]) for u in platform["unsung"]}
    # Carla designed Atlas and no post about Atlas names her; Bob is thanked in one.
    assert ("p-carla-rossi", "pr-atlas") in unsung
    assert ("p-bob-nguyen", "pr-atlas") not in unsung
    carla = next(u for u in platform["unsung"] if u["person"]["id"] == "p-carla-rossi")
    assert carla["missedCount"] >= len(carla["missedPosts"]) > 0


async def test_small_team_is_withheld_with_the_reason(
    api: httpx.AsyncClient, demo: Services, full_key: str
) -> None:
    await gql(
        api,
        'mutation { upsertTeam(input: {id: "t-tiny", name: "Tiny", organizationId: "org-acme"}) '
        "{ id } }",
        key=full_key,
    )
    # The app's figures come from the read it made at startup: read again now.
    await api.app.state.services.dashboard.refresh()  # type: ignore[attr-defined]
    tiny = next(t for t in (await _dashboard(api, TEAMS))["teams"] if t["id"] == "t-tiny")
    assert tiny["withheld"] is True and tiny["figures"] is None
    assert tiny["creditsGiven"] is None and tiny["unsung"] == []
    assert "under the privacy floor of 5" in tiny["withheldReason"]
    o = (await _dashboard(api, OVERVIEW, {"teamId": "t-tiny"}))["overview"]
    assert o["withheld"] is True and o["months"] == [] and o["total"] is None


async def test_cultures_withhold_small_countries(api: httpx.AsyncClient) -> None:
    c = (await _dashboard(api, CULTURES))["cultures"]
    rows = {r["country"]: r for r in c["rows"]}
    assert rows["FR"]["withheld"] is False and rows["FR"]["individualism"] == 71
    assert rows["FR"]["people"] == 11 and rows["FR"]["figures"]["posts"] > 0
    assert rows["JP"]["withheld"] is True and rows["JP"]["figures"] is None
    assert "3 people" in rows["JP"]["withheldReason"]
    assert any("Hofstede" in s for s in c["sources"]) and "never a person" in c["caveat"]


async def test_project_report_and_its_floor(api: httpx.AsyncClient) -> None:
    atlas = (await gql(api, PROJECT, {"id": "pr-atlas"}))["data"]["dashboard"]["project"]
    assert atlas["summary"]["withheld"] is False and atlas["summary"]["contributors"] == 5
    credited = {c["person"]["id"]: c["credited"] for c in atlas["contributors"]}
    assert credited["p-carla-rossi"] is False and credited["p-bob-nguyen"] is True
    assert len(atlas["posts"]) == atlas["summary"]["posts"] > 0
    beacon = (await gql(api, PROJECT, {"id": "pr-beacon"}))["data"]["dashboard"]["project"]
    assert beacon["summary"]["withheld"] is True and beacon["contributors"] == []
    missing = await gql(api, PROJECT, {"id": "pr-nope"}, expect_errors=True)
    assert codes(missing) == ["NOT_FOUND"]


@pytest.mark.parametrize(
    ("f", "field"),
    [({"from": "2026-13"}, "from"), ({"to": "26-01"}, "to"), ({"country": "FRA"}, "country")],
)
async def test_bad_filters_are_bad_user_input(
    api: httpx.AsyncClient, f: dict[str, str], field: str
) -> None:
    body = await gql(api, OVERVIEW, {"f": f}, expect_errors=True)
    assert codes(body) == ["BAD_USER_INPUT"]
    assert body["errors"][0]["extensions"]["field"] == field


async def test_the_report_scope(api: httpx.AsyncClient, demo: Services) -> None:
    # A report key sees aggregates, not the graph; a read key does not see the dashboard.
    body = await gql(api, '{ team(id: "t-platform") { name } }', expect_errors=True)
    assert codes(body) == ["FORBIDDEN"]
    read_key = (await demo.keys.create("reader", ("read",))).secret
    body = await gql(api, "{ dashboard { minGroupSize } }", key=read_key, expect_errors=True)
    assert codes(body) == ["FORBIDDEN"]


async def test_the_dashboard_is_served(api: httpx.AsyncClient) -> None:
    page = await api.get("/dashboard/")
    assert page.status_code == 200 and 'src="app.js"' in page.text
    script = await api.get("/dashboard/app.js")
    assert script.status_code == 200 and "Chart" in script.text


async def test_teams_and_projects_are_bounded(api: httpx.AsyncClient) -> None:
    d = (
        await gql(
            api,
            "{ dashboard { teamCount teams(first: 2) { name } projectCount projects(first: 3) { name } } }",
        )
    )["data"]["dashboard"]
    assert d["teamCount"] >= 5 and len(d["teams"]) == 2
    assert d["projectCount"] == 8 and len(d["projects"]) == 3
    names = [t["name"] for t in d["teams"]]
    assert names == sorted(names)
    body = await gql(api, "{ dashboard { teams(first: 501) { name } } }", expect_errors=True)
    assert codes(body) == ["BAD_USER_INPUT"]
