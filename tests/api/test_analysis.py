"""Analysis over the demo organisation: framing, credit suggestions, culture, recognition."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from teamcredit.services.container import Services
from teamcredit.services.document import load_document
from teamcredit.services.importer import Importer
from teamcredit.services.requests import make_post_request
from teamcredit.settings import Settings
from tests.conftest import DEMO, wipe_graph
from tests.support.api import asgi_client, codes, gql

DOC = json.loads(DEMO.read_text())
CONTRIBUTORS: dict[str, set[str]] = {}
for c in DOC["contributions"]:
    CONTRIBUTORS.setdefault(c["projectId"], set()).add(c["personId"])
HANDLE = {p["id"]: p["handle"] for p in DOC["people"]}

# Posts of the demo where one person announces a project alone, and the project it is about.
SOLO = [
    ("post-demo-01", "pr-atlas"),
    ("post-demo-02", "pr-beacon"),
    ("post-demo-03", "pr-comet"),
    ("post-demo-04", "pr-dune"),
    ("post-demo-05", "pr-ember"),
    ("post-demo-06", "pr-fjord"),
    ("post-demo-07", "pr-gecko"),
    ("post-demo-08", "pr-harbor"),
    ("post-demo-09", "pr-beacon"),
    ("post-demo-10", "pr-atlas"),
    ("post-demo-11", "pr-comet"),
    ("post-demo-12", "pr-fjord"),
]
POSTS = {p["id"]: p for p in DOC["posts"]}

ANALYZE = """
query($input: PostInput!) { analyzePost(input: $input) {
  framing { orientation score signals { kind span { start end text } } }
  credit { person { id name } reason evidence score project { id } }
  suggestedPhrasing culture { summary sources } author { id } degraded } }
"""


@pytest.fixture(scope="module")
async def demo(services: Services) -> Services:
    await wipe_graph(services)
    await Importer(services.client).run(load_document(DEMO))
    services.project_changed()
    return services


@pytest.fixture
async def api(
    settings: Settings, demo: Services, full_key: str
) -> AsyncIterator[httpx.AsyncClient]:
    async with asgi_client(settings, full_key) as client:
        yield client


@pytest.mark.parametrize(("post_id", "project"), SOLO)
async def test_solo_announcement_suggests_the_real_contributors(
    api: httpx.AsyncClient, post_id: str, project: str
) -> None:
    post = POSTS[post_id]
    author = post["authorId"]
    body = await gql(
        api, ANALYZE, {"input": {"text": post["text"], "authorHandle": HANDLE[author]}}
    )
    result = body["data"]["analyzePost"]
    assert result["degraded"] is False
    assert result["author"]["id"] == author
    top3 = [c["person"]["id"] for c in result["credit"][:3]]
    expected = CONTRIBUTORS[project] - {author}
    assert len(top3) == min(3, len(expected))
    assert set(top3) <= expected, (top3, expected)
    assert all(c["reason"] == "PROJECT_CONTRIBUTOR" for c in result["credit"][:3])
    assert author not in {c["person"]["id"] for c in result["credit"]}
    first = result["credit"][0]
    assert first["evidence"] and first["project"]["id"] == project
    assert result["suggestedPhrasing"]
    assert any(c["person"]["name"] in result["suggestedPhrasing"] for c in result["credit"][:3])


async def test_mentioned_people_are_never_suggested(api: httpx.AsyncClient) -> None:
    text = "I shipped Atlas with Bob Nguyen. Thanks to @Carla Rossi too!"
    body = await gql(
        api,
        ANALYZE,
        {
            "input": {
                "text": text,
                "authorHandle": "alice-martin",
                "mentions": [{"name": "David Kim", "handle": "david-kim"}],
            }
        },
    )
    suggested = {c["person"]["id"] for c in body["data"]["analyzePost"]["credit"]}
    assert suggested
    assert not suggested & {"p-bob-nguyen", "p-carla-rossi", "p-david-kim", "p-alice-martin"}


async def test_atlassian_is_not_atlas(api: httpx.AsyncClient) -> None:
    body = await gql(
        api,
        ANALYZE,
        {
            "input": {
                "text": "I migrated our wiki to Atlassian tools.",
                "authorHandle": "maya-patel",
            }
        },
    )
    reasons = {c["reason"] for c in body["data"]["analyzePost"]["credit"]}
    assert "PROJECT_CONTRIBUTOR" not in reasons


async def test_unknown_author_gets_no_credit_and_no_error(api: httpx.AsyncClient) -> None:
    body = await gql(
        api, ANALYZE, {"input": {"text": "I shipped Atlas!", "authorHandle": "nobody-here"}}
    )
    result = body["data"]["analyzePost"]
    assert result["credit"] == [] and result["author"] is None and result["degraded"] is False


async def test_french_ui_language_gives_french_evidence(api: httpx.AsyncClient) -> None:
    body = await gql(
        api,
        ANALYZE,
        {
            "input": {
                "text": "J'ai livré Beacon tout seul.",
                "authorHandle": "emma-dubois",
                "uiLanguage": "fr",
                "readerCountry": "JP",
            }
        },
    )
    first = body["data"]["analyzePost"]["credit"][0]
    assert first["evidence"].startswith("A contribué à Beacon")


async def test_batch_of_fifty_costs_bounded_round_trips(api: httpx.AsyncClient) -> None:
    services: Services = api.app.state.services  # type: ignore[attr-defined]
    await services.project_index.matcher()  # warm: the dictionary is cached across requests
    inputs = [
        {"text": POSTS[pid]["text"], "authorHandle": HANDLE[POSTS[pid]["authorId"]]}
        for pid in list(POSTS)[:40]
    ] + [{"text": f"We did it together, part {i}", "authorHandle": "david-kim"} for i in range(10)]
    statements: list[str] = []
    services.client.add_listener(lambda q, _s, _ok: "ApiKey" in q or statements.append(q))
    try:
        body = await gql(
            api,
            "query($i: [PostInput!]!) { analyzePosts(inputs: $i) "
            "{ credit { person { name } } author { id } degraded } }",
            {"i": inputs},
        )
    finally:
        services.client._listeners.clear()
    results = body["data"]["analyzePosts"]
    assert len(results) == 50 and not any(r["degraded"] for r in results)
    assert sum(len(r["credit"]) for r in results) > 50
    assert len(statements) == 1, statements  # people and candidates, for all 50 posts


async def test_a_batch_answers_each_post_as_it_would_alone(demo: Services) -> None:
    # The batch shares one graph answer between its posts; no post may see another's people.
    requests = [
        make_post_request(post["text"], author_id=post.get("authorId"), ui_language="en")
        for post in DOC["posts"][:20]
    ]
    batch = await demo.analysis.analyze_many(requests)
    alone = [await demo.analysis.analyze(request) for request in requests]
    assert any(result.credit for result in batch)
    for together, single in zip(batch, alone, strict=True):
        assert together.credit == single.credit
        assert together.suggested_phrasing == single.suggested_phrasing
        assert together.degraded is single.degraded is False


async def test_analysis_never_writes(api: httpx.AsyncClient) -> None:
    services: Services = api.app.state.services  # type: ignore[attr-defined]
    before = await services.client.read("MATCH (n) RETURN count(n) AS c")
    await gql(api, ANALYZE, {"input": {"text": "I shipped Atlas!", "authorHandle": "bob-nguyen"}})
    after = await services.client.read("MATCH (n) RETURN count(n) AS c")
    assert before == after


async def test_recognition_report_finds_uncredited_contributors(api: httpx.AsyncClient) -> None:
    body = await gql(
        api,
        '{ recognitionReport(teamId: "t-platform") { withheld stats { posts individual '
        "balanced collective peopleCredited } uncreditedContributors { person { id } project { id } } } }",
    )
    report = body["data"]["recognitionReport"]
    assert report["withheld"] is False
    assert report["stats"]["posts"] > 0
    assert report["stats"]["individual"] > 0
    pairs = {(u["person"]["id"], u["project"]["id"]) for u in report["uncreditedContributors"]}
    # Carla designed Atlas, and no Platform post about Atlas names her.
    assert ("p-carla-rossi", "pr-atlas") in pairs
    # Bob is thanked in Grace's Atlas post, so he is credited.
    assert ("p-bob-nguyen", "pr-atlas") not in pairs


async def test_person_recognition_and_post_framing(api: httpx.AsyncClient) -> None:
    body = await gql(
        api,
        '{ person(handle: "bob-nguyen") { recognition { posts individual } country { country individualism } '
        "posts(first: 5) { edges { node { framing { orientation } } } } } }",
    )
    person = body["data"]["person"]
    assert person["recognition"]["posts"] == 1 and person["recognition"]["individual"] == 1
    assert person["country"]["country"] == "US"
    assert person["posts"]["edges"][0]["node"]["framing"]["orientation"] == "INDIVIDUAL"


async def test_small_team_figures_are_withheld(api: httpx.AsyncClient, demo: Services) -> None:
    await gql(api, 'mutation { upsertTeam(input: {id: "t-tiny", name: "Tiny"}) { id } }')
    body = await gql(
        api, '{ recognitionReport(teamId: "t-tiny") { withheld withheldReason stats { posts } } }'
    )
    report = body["data"]["recognitionReport"]
    assert report["withheld"] is True and report["stats"]["posts"] == 0
    body = await gql(api, '{ team(id: "t-tiny") { recognition { posts } } }', expect_errors=True)
    assert codes(body) == ["FORBIDDEN"]


async def test_a_project_written_through_the_api_is_matched_at_once(
    api: httpx.AsyncClient,
) -> None:
    """The rule lives in services/projects.py: without it the matcher's dictionary would be
    15 s stale (its refresh interval)."""
    text = "Thrilled that I shipped Zephyr Relay this week!"
    query = {"input": {"text": text, "authorHandle": "alice-martin"}}
    before = (await gql(api, ANALYZE, query))["data"]["analyzePost"]  # loads the dictionary
    assert not [c for c in before["credit"] if (c["project"] or {}).get("id") == "pr-zephyr"]
    await gql(
        api,
        'mutation { upsertProject(input: {id: "pr-zephyr", name: "Zephyr Relay"}) { id } }',
    )
    await gql(
        api,
        'mutation { addContribution(personId: "p-bob-nguyen", projectId: "pr-zephyr",'
        ' role: "lead", weight: 1.0) { role } }',
    )
    after = (await gql(api, ANALYZE, query))["data"]["analyzePost"]
    assert after["credit"][0]["person"]["id"] == "p-bob-nguyen"
    assert after["credit"][0]["project"]["id"] == "pr-zephyr"


CREDIT = """
query($input: PostInput!) { analyzePost(input: $input) {
  credit { person { id } reason } creditBasis alreadyCredited { id }
  suggestedPhrasing phrasingLanguage phrasingNote } }
"""


async def test_a_collective_post_that_thanks_its_team_gets_an_empty_credit_list(
    api: httpx.AsyncClient,
) -> None:
    # Every other Beacon contributor is in Équipe Données, which the post thanks by name.
    text = "Beacon est en ligne ! Merci à toute l'équipe Données, on l'a construit ensemble."
    body = await gql(api, CREDIT, {"input": {"text": text, "authorHandle": "emma-dubois"}})
    result = body["data"]["analyzePost"]
    assert result["creditBasis"] == "MATCHED_PROJECTS"
    assert result["credit"] == [] and result["suggestedPhrasing"] is None
    assert {p["id"] for p in result["alreadyCredited"]} >= CONTRIBUTORS["pr-beacon"] - {
        "p-emma-dubois"
    }
    # Without the team's name the same people are suggested.
    alone = await gql(
        api,
        CREDIT,
        {"input": {"text": "Beacon est en ligne !", "authorHandle": "emma-dubois"}},
    )
    suggested = {c["person"]["id"] for c in alone["data"]["analyzePost"]["credit"]}
    assert CONTRIBUTORS["pr-beacon"] - {"p-emma-dubois"} <= suggested


async def test_a_post_about_nothing_in_the_organisation_gets_no_credit_and_no_phrasing(
    api: httpx.AsyncClient,
) -> None:
    text = "5 lessons from 10 years of being on call. 1. Sleep is a feature. 2. Runbooks rot."
    body = await gql(api, CREDIT, {"input": {"text": text, "authorHandle": "bob-nguyen"}})
    result = body["data"]["analyzePost"]
    assert result["creditBasis"] == "NONE"
    assert result["credit"] == [] and result["suggestedPhrasing"] is None


async def test_a_korean_post_gets_a_korean_phrasing(api: httpx.AsyncClient) -> None:
    body = await gql(
        api, CREDIT, {"input": {"text": "Atlas가 출시됐습니다!", "authorHandle": "bob-nguyen"}}
    )
    result = body["data"]["analyzePost"]
    assert result["creditBasis"] == "MATCHED_PROJECTS"
    assert result["phrasingLanguage"] == "ko"
    assert result["suggestedPhrasing"].endswith("과 함께 만들어 낸 결과가 자랑스럽습니다.")


async def test_a_language_without_a_template_says_so(api: httpx.AsyncClient) -> None:
    body = await gql(
        api,
        CREDIT,
        {"input": {"text": "Ho rilasciato Atlas!", "authorHandle": "bob-nguyen", "language": "it"}},
    )
    result = body["data"]["analyzePost"]
    assert result["credit"] and result["suggestedPhrasing"] is None
    assert result["phrasingNote"].startswith("No phrasing template for the post's language (it)")
