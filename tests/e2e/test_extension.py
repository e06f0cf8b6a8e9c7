"""The extension in real headless Chromium, on fixture LinkedIn pages, against a live API.

The fixture pages are served over HTTPS on 127.0.0.1 and reached as https://www.linkedin.com
through Chromium's host resolver rules; the API is a real uvicorn on the test graph with the
demo organisation; the options page is filled in through its own UI.
"""

from __future__ import annotations

import json
import re
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright

from teamcredit.analysis.framing import analyze_framing
from tests.support.api import LiveServer, env_for, make_key
from tests.support.graph_server import GraphServer

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
DIST = REPO / "extension" / "dist"
FIXTURES = REPO / "extension" / "test" / "fixtures"
ARTIFACTS = REPO / "test-artifacts"
POSTS = json.loads((FIXTURES / "posts.json").read_text())
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
PAGES = {"/feed/": "feed-g1.html", "/g3/feed/": "feed-g3.html"}


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        name = PAGES.get(self.path.split("?")[0], "feed-g1.html")
        body = (FIXTURES / name).read_bytes()
        self.send_response(200)
        self.send_header("content-type", "text/html; charset=utf-8")
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: Any) -> None:
        return


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    certs = tmp_path_factory.mktemp("certs")
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=www.linkedin.com",
            "-keyout",
            str(certs / "key.pem"),
            "-out",
            str(certs / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certs / "cert.pem", certs / "key.pem")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.server_address[1]
    server.shutdown()


@pytest.fixture(scope="module")
def api(
    graph_server: GraphServer,
    settings: Any,
    demo_graph: None,
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[LiveServer]:
    logs = tmp_path_factory.mktemp("e2e-api")
    server = LiveServer(
        {
            **env_for(settings),
            "TEAMCREDIT_CORS_ORIGIN_REGEX": r"^chrome-extension://[a-p]{32}$",
            "TEAMCREDIT_LOG_LEVEL": "warning",
        },
        logs / "api.log",
    )
    server.start()
    server.key = make_key(graph_server.uri, graph_server.password, ("analyze", "read"), "e2e")  # type: ignore[attr-defined]
    yield server
    server.stop()


@pytest.fixture(scope="module")
def demo_graph(graph_server: GraphServer) -> None:
    """The demo organisation, loaded on a private loop (pytest-asyncio owns the session one)."""
    import asyncio

    from teamcredit.graph.client import GraphClient
    from teamcredit.services.document import load_document
    from teamcredit.services.importer import Importer
    from tests.conftest import DEMO
    from tests.support.cypher import WIPE

    async def load() -> None:
        client = GraphClient(graph_server.uri, "root", graph_server.password, "neo4j", timeout=60)
        try:
            await client.write(WIPE, timeout=60)
            await Importer(client).run(load_document(DEMO))
        finally:
            await client.close()

    asyncio.run(load())


def _analyze_requests(api: LiveServer) -> float:
    metrics = httpx.get(api.base_url + "/metrics").text
    found = re.search(
        r'teamcredit_graphql_requests_total\{operation="Analyze",outcome="ok"\} (\S+)', metrics
    )
    return float(found.group(1)) if found else 0.0


@pytest.fixture(scope="module")
def browser(
    site: int, api: LiveServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BrowserContext]:
    assert (DIST / "manifest.json").exists(), "build the extension first (make build-ext)"
    profile = tmp_path_factory.mktemp("profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            ignore_default_args=["--disable-extensions"],
            args=[
                f"--disable-extensions-except={DIST}",
                f"--load-extension={DIST}",
                f"--host-resolver-rules=MAP www.linkedin.com 127.0.0.1:{site}",
                "--ignore-certificate-errors",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
            viewport={"width": 1100, "height": 2600},
        )
        yield context
        context.close()


@pytest.fixture(scope="module")
def extension_id(browser: BrowserContext, api: LiveServer) -> str:
    worker = (
        browser.service_workers[0]
        if browser.service_workers
        else browser.wait_for_event("serviceworker", timeout=15_000)
    )
    ext_id = worker.url.split("/")[2]
    options = browser.new_page()
    options.goto(f"chrome-extension://{ext_id}/options/options.html")
    options.wait_for_selector('body[data-ready="true"]')
    options.fill("#apiUrl", api.base_url)
    options.fill("#apiKey", api.key)  # type: ignore[attr-defined]
    options.fill("#handle", "alice-martin")
    options.fill("#readerCountry", "JP")
    options.click("#save")
    options.click("#test")
    options.wait_for_selector('#status[data-result="ok"]', timeout=15_000)
    ARTIFACTS.mkdir(exist_ok=True)
    options.screenshot(path=str(ARTIFACTS / "options.png"))
    options.close()
    return ext_id


def _open_feed(browser: BrowserContext, path: str, expected: int) -> Page:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.dialogs = dialogs  # type: ignore[attr-defined]
    page.goto(f"https://www.linkedin.com{path}")
    page.wait_for_function(
        "n => document.querySelectorAll('teamcredit-annotation:not([data-kind])[data-orientation]').length >= n",
        arg=expected,
        timeout=20_000,
    )
    return page


def _expected(file: str) -> list[dict[str, Any]]:
    return [p for p in POSTS if p["file"] == file and p["annotated"]]


@pytest.mark.parametrize("path", list(PAGES))
def test_every_post_annotated_once_with_its_orientation(
    browser: BrowserContext, extension_id: str, api: LiveServer, path: str
) -> None:
    posts = _expected(PAGES[path])
    before = _analyze_requests(api)
    page = _open_feed(browser, path, len(posts))
    page.wait_for_timeout(1000)  # nothing more arrives: no duplicate annotation, no second request
    found = page.evaluate(
        """() => [...document.querySelectorAll('teamcredit-annotation:not([data-kind])')].map(h => ({
            orientation: h.dataset.orientation, state: h.dataset.state,
            lastChild: h.parentElement.lastElementChild === h,
            text: h.parentElement.textContent}))"""
    )
    assert len(found) == len(posts)
    assert all(a["lastChild"] for a in found)
    assert all(a["state"] == "ready" for a in found), found
    for post in posts:
        expected = analyze_framing(post["text"], None, post["mentions"]).orientation.value
        matches = [a for a in found if post["text"][:40] in a["text"]]
        assert matches, post["text"][:40]
        assert matches[0]["orientation"] == expected, post["text"][:60]
    in_comments = page.evaluate(
        """() => document.querySelectorAll(
            '.comments-comment-entity teamcredit-annotation, [componentkey^="replaceableComment_"] teamcredit-annotation, [data-testid*="commentList"] teamcredit-annotation').length"""
    )
    assert in_comments == 0
    assert _analyze_requests(api) - before == 1, "one analyzePosts request for the whole page"
    assert page.dialogs == []  # type: ignore[attr-defined]
    page.screenshot(
        path=str(ARTIFACTS / f"feed-{path.strip('/').replace('/', '-')}.png"), full_page=True
    )
    page.close()


def test_credit_suggestions_name_real_contributors(
    browser: BrowserContext, extension_id: str
) -> None:
    page = _open_feed(browser, "/feed/", len(_expected("feed-g1.html")))
    host = page.locator("teamcredit-annotation:not([data-kind])").first
    host.locator("button.toggle").click()
    panel = host.evaluate("h => h.shadowRoot.textContent")
    # Bob's solo Atlas announcement: Atlas's contributors, not Bob himself.
    assert "Alice Martin" in panel and "Carla Rossi" in panel
    assert "Contributed to Atlas" in panel
    host.screenshot(path=str(ARTIFACTS / "annotation-expanded.png"))
    page.close()


def test_untrusted_text_is_shown_literally(browser: BrowserContext, extension_id: str) -> None:
    page = _open_feed(browser, "/feed/", len(_expected("feed-g1.html")))
    for host in page.locator("teamcredit-annotation:not([data-kind])").all():
        host.locator("button.toggle").click()
    injected = page.evaluate(
        """() => [...document.querySelectorAll('teamcredit-annotation')]
            .map(h => h.shadowRoot.querySelectorAll('img, script, [onerror]').length)
            .reduce((a, b) => a + b, 0)"""
    )
    assert injected == 0
    literal = page.evaluate(
        "() => [...document.querySelectorAll('*')].some(e => e.childElementCount === 0 && e.textContent.includes('<img src=x onerror=alert(1)>'))"
    )
    assert literal
    assert page.dialogs == []  # type: ignore[attr-defined]
    page.close()


@pytest.mark.parametrize(
    ("path", "editor"),
    [
        ("/feed/", '[data-test-modal-id="sharebox"] .ql-editor'),
        ("/g3/feed/", '[role="dialog"] .ProseMirror'),
    ],
)
def test_composer_shows_hints_after_typing(
    browser: BrowserContext, extension_id: str, path: str, editor: str
) -> None:
    page = _open_feed(browser, path, len(_expected(PAGES[path])))
    page.click(editor)
    page.keyboard.type("Thrilled to announce I shipped Atlas! I led it.")
    draft = page.locator('teamcredit-annotation[data-kind="draft"]')
    draft.wait_for(state="attached", timeout=10_000)
    page.wait_for_function(
        "() => document.querySelector('teamcredit-annotation[data-kind=\"draft\"]')?.dataset.orientation",
        timeout=10_000,
    )
    assert draft.get_attribute("data-orientation") == "INDIVIDUAL"
    text = draft.evaluate("h => h.shadowRoot.textContent")
    assert "Carla Rossi" in text or "Bob Nguyen" in text  # Alice's Atlas colleagues
    assert page.locator(editor).inner_text().startswith("Thrilled to announce")
    draft.screenshot(path=str(ARTIFACTS / f"composer-{path.strip('/').replace('/', '-')}.png"))
    page.close()
