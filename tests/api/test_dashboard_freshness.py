"""The dashboard's figures follow writes at once, on a live API (real uvicorn, real graph):
a post written through the API is added to them without a read of the graph, any other write
through the API or a `teamcredit import` in another process (no Redis) makes the next request
read the graph again. The server re-reads on a timer only every 300 s (the default), so every
change seen here came from the write."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from teamcredit.services.container import Services
from teamcredit.services.document import load_document
from teamcredit.services.importer import Importer
from tests.conftest import DEMO, wipe_graph
from tests.support.api import LiveServer, env_for

OVERVIEW = """{ dashboard { asOf overview { months { month figures { posts } }
  total { posts postsCrediting peopleCredited } } } }"""
TEAMS = """query($f: DashboardFilter) { dashboard(filter: $f) { teams { id members
  figures { posts } timesCredited } } }"""
INGEST = """mutation($input: PostInput!) { ingestPost(input: $input) { id } }"""
ACCEPT = """mutation($post: ID!, $person: ID!) { acceptCredit(postId: $post, personId: $person) {
  id } }"""
ADD_MEMBER = """mutation { upsertPerson(input: {id: "p-new-hire", name: "New Hire",
  handle: "new-hire", country: "FR"}) { id }
  addMembership(personId: "p-new-hire", teamId: "t-platform") { role } }"""


class Live:
    def __init__(self, server: LiveServer, report: str, write: str) -> None:
        self.server, self.report, self.write = server, report, write

    async def gql(self, query: str, variables: dict[str, Any] | None = None, *, key: str) -> Any:
        async with httpx.AsyncClient(base_url=self.server.base_url, timeout=30) as http:
            response = await http.post(
                "/graphql",
                json={"query": query, "variables": variables or {}},
                headers={"authorization": f"Bearer {key}"},
            )
        body = response.json()
        assert response.status_code == 200 and "errors" not in body, body
        return body["data"]

    async def dashboard(self, query: str = OVERVIEW, **variables: Any) -> Any:
        return (await self.gql(query, variables, key=self.report))["dashboard"]

    def reads(self) -> int:
        """How many times the server has read the dashboard's facts from the graph."""
        return self.server.log.read_text().count("dashboard.read")


@pytest.fixture(scope="module")
async def live(
    services: Services, settings: Any, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Live]:
    await wipe_graph(services)
    await Importer(services.client).run(load_document(DEMO))
    report = (await services.keys.create("freshness-report", ("report",))).secret
    write = (await services.keys.create("freshness-write", ("read", "write"))).secret
    logs = tmp_path_factory.mktemp("dashboard-freshness")
    server = LiveServer({**env_for(settings), "TEAMCREDIT_LOG_LEVEL": "info"}, logs / "api.log")
    server.start()
    yield Live(server, report, write)
    server.stop()


async def test_a_post_written_through_the_api_shows_at_once_without_a_read(live: Live) -> None:
    before = (await live.dashboard())["overview"]
    platform = {t["id"]: t for t in (await live.dashboard(TEAMS, f={}))["teams"]}["t-platform"]
    reads = live.reads()
    assert reads >= 1
    post = {
        "text": "Our team shipped the new CI runners together, thanks to everyone!",
        "authorId": "p-alice-martin",  # in Platform
        "mentions": [{"handle": "bob-nguyen", "name": "Bob Nguyen"}],
    }
    posted = await live.gql(INGEST, {"input": post}, key=live.write)
    after = (await live.dashboard())["overview"]
    assert after["total"]["posts"] == before["total"]["posts"] + 1
    assert after["total"]["postsCrediting"] == before["total"]["postsCrediting"] + 1
    # No publication date: the month it was written in, a month the demo has no post in.
    new_months = {m["month"] for m in after["months"]} - {m["month"] for m in before["months"]}
    assert len(new_months) == 1
    teams = {t["id"]: t for t in (await live.dashboard(TEAMS, f={}))["teams"]}
    assert teams["t-platform"]["figures"]["posts"] == platform["figures"]["posts"] + 1
    assert live.reads() == reads  # added to the figures, not read again
    # acceptCredit on that post: it now credits one more person, of the Design team.
    await live.gql(
        ACCEPT, {"post": posted["ingestPost"]["id"], "person": "p-carla-rossi"}, key=live.write
    )
    credited = (await live.dashboard())["overview"]["total"]
    assert credited["posts"] == after["total"]["posts"]
    assert credited["postsCrediting"] == after["total"]["postsCrediting"]
    design = {t["id"]: t for t in (await live.dashboard(TEAMS, f={}))["teams"]}["t-design"]
    assert design["timesCredited"] == teams["t-design"]["timesCredited"] + 1
    assert live.reads() == reads


async def test_other_writes_through_the_api_are_read_again_before_the_next_answer(
    live: Live,
) -> None:
    members = {t["id"]: t["members"] for t in (await live.dashboard(TEAMS, f={}))["teams"]}
    reads = live.reads()
    await live.gql(ADD_MEMBER, key=live.write)
    after = {t["id"]: t["members"] for t in (await live.dashboard(TEAMS, f={}))["teams"]}
    assert after["t-platform"] == members["t-platform"] + 1
    assert live.reads() == reads + 1


async def test_an_import_in_another_process_shows_in_the_next_answer(
    live: Live, settings: Any, tmp_path: Path
) -> None:
    before = (await live.dashboard())["overview"]["total"]["posts"]
    doc = json.loads(DEMO.read_text())
    doc["posts"].append(
        {
            "id": "post-imported-later",
            "authorId": "p-bob-nguyen",
            "text": "We rolled out the new billing flow as a team, thanks all!",
            "publishedAt": "2026-06-15T09:00:00Z",
            "mentions": [],
            "credits": [],
        }
    )
    (tmp_path / "org.json").write_text(json.dumps(doc))
    # Its own process, with no Redis: the API learns of it from the graph's version only.
    subprocess.run(
        [sys.executable, "-m", "teamcredit.cli", "import", "--quiet", str(tmp_path / "org.json")],
        env={**live.server.env, **env_for(settings)},
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert (await live.dashboard())["overview"]["total"]["posts"] == before + 1
