"""GraphiQL from our own files: loaded in real headless Chromium with every host but the API
unreachable (an air-gapped machine, a strict proxy), then used to run a query."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Route, sync_playwright

from tests.support.api import LiveServer, env_for, make_key
from tests.support.graph_server import GraphServer

pytestmark = pytest.mark.e2e

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.fixture(scope="module")
def api(
    graph_server: GraphServer, settings: Any, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[LiveServer]:
    logs = tmp_path_factory.mktemp("graphiql-api")
    server = LiveServer({**env_for(settings), "TEAMCREDIT_LOG_LEVEL": "warning"}, logs / "api.log")
    server.start()
    server.key = make_key(graph_server.uri, graph_server.password, ("analyze",), "graphiql")  # type: ignore[attr-defined]
    yield server
    server.stop()


def test_graphiql_loads_offline_and_runs_a_query(api: LiveServer) -> None:
    elsewhere: list[str] = []
    key = api.key  # type: ignore[attr-defined]

    def offline(route: Route) -> None:
        host = urlsplit(route.request.url).hostname
        if host != "127.0.0.1":
            elsewhere.append(route.request.url)
            route.abort("internetdisconnected")
        elif route.request.method == "POST" and route.request.url.endswith("/graphql"):
            # What a person types into GraphiQL's Headers tab.
            route.continue_(headers={**route.request.headers, "authorization": f"Bearer {key}"})
        else:
            route.continue_()

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                # No name resolves but the API's address: a CDN could not be reached anyway.
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        try:
            page = browser.new_page()
            page.route("**/*", offline)
            page.goto(api.base_url + "/graphql", wait_until="networkidle")
            page.wait_for_selector(".graphiql-execute-button", timeout=30_000)
            assert "Loading" not in page.inner_text("#graphiql")[:40]
            page.click(".graphiql-execute-button")
            page.wait_for_function(
                "document.querySelector('.graphiql-response')?.innerText.includes('INDIVIDUAL')",
                timeout=30_000,
            )
            response = page.inner_text(".graphiql-response")
        finally:
            browser.close()
    assert '"orientation": "INDIVIDUAL"' in response
    assert "Thrilled to announce" in response  # the evidence span, as the API returned it
    assert not elsewhere, f"GraphiQL asked for files outside the API: {elsewhere}"
