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
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import BrowserContext, Page, sync_playwright

from teamcredit.analysis.framing import analyze_framing
from tests.support.api import LiveServer, env_for, make_key
from tests.support.axe import axe_violations as _axe
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
            # A revoked key is refused at once (the refused-key test), not after the 5 s cache.
            "TEAMCREDIT_KEY_CACHE_SECONDS": "0",
            # A page's analyzePosts runs on the work lane: its processes start with the server
            # (see _start_api), not inside the first page's request timeout.
            "TEAMCREDIT_LANE_WARM": "true",
        },
        logs / "api.log",
    )
    _start_api(server)
    server.key = make_key(
        graph_server.uri, graph_server.password, ("analyze", "read", "metrics"), "e2e"
    )  # type: ignore[attr-defined]
    yield server
    server.stop()


def _start_api(server: LiveServer) -> None:
    """Starts the API and waits for its work lane: on a loaded machine starting the lane's
    two processes took longer than a request's 10 s budget, so the first pages timed out
    (no badges) while they started."""
    server.start()
    server.wait_for_idle_lane()


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
    metrics = httpx.get(
        api.base_url + "/metrics",
        headers={"authorization": f"Bearer {api.key}"},  # type: ignore[attr-defined]
    ).text
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
    # Quiet by default: a badge only where there is something worth saying.
    shown = page.evaluate(
        """() => [...document.querySelectorAll('teamcredit-annotation:not([data-kind])')].map(h => ({
            triggers: h.dataset.triggers, visible: h.getBoundingClientRect().height > 0}))"""
    )
    assert all(a["visible"] == bool(a["triggers"]) for a in shown), shown
    for post in posts:
        if post["expectedOrientation"] == "COLLECTIVE":  # thanks the team by name: nothing to add
            host = _host_for(page, post["text"][:40])
            assert host.get_attribute("hidden") is not None, post["text"][:60]
    assert any(a["visible"] for a in shown) and not all(a["visible"] for a in shown)
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


def test_untrusted_text_is_shown_literally(browser: BrowserContext, extension_id: str) -> None:
    page = _open_feed(browser, "/feed/", len(_expected("feed-g1.html")))
    for host in page.locator("teamcredit-annotation:not([data-kind]):not([hidden])").all():
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


# --- Quiet badges, reader and author mode, status line, mirror, accessibility -------------------


def _shot(target: Any, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    target.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def _both_schemes(page: Page, check: Any) -> None:
    """Runs `check(scheme)` in light then dark mode (prefers-color-scheme)."""
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        page.wait_for_timeout(100)
        check(scheme)
    page.emulate_media(color_scheme="light")


def _host_for(page: Page, text: str) -> Any:
    index = page.evaluate(
        """t => [...document.querySelectorAll('teamcredit-annotation:not([data-kind])')]
            .findIndex(h => h.parentElement.textContent.includes(t))""",
        text,
    )
    assert index >= 0, text
    return page.locator("teamcredit-annotation:not([data-kind])").nth(index)


def _collapsed_fits_one_line(host: Any) -> None:
    box = host.evaluate(
        """h => { const line = h.shadowRoot.querySelector('.line');
            return {height: h.getBoundingClientRect().height,
                    lineHeight: parseFloat(getComputedStyle(line).lineHeight),
                    details: h.shadowRoot.getElementById('details').getBoundingClientRect().height}; }"""
    )
    # One line of text: the whole card (border and padding included) is under two lines tall.
    assert box["details"] == 0
    assert 0 < box["height"] < 2 * box["lineHeight"], box


FIRST_SOLO = {
    "/feed/": "Thrilled to announce I shipped Atlas",
    "/g3/feed/": "Thrilled to announce I released",
}


@pytest.mark.parametrize("path", list(PAGES))
def test_quiet_badge_is_one_line_and_opens_a_compact_accessible_panel(
    browser: BrowserContext, extension_id: str, path: str
) -> None:
    page = _open_feed(browser, path, len(_expected(PAGES[path])))
    name = path.strip("/").replace("/", "-")
    host = _host_for(page, FIRST_SOLO[path])
    assert host.is_visible()
    assert "credit" in (host.get_attribute("data-triggers") or "")
    _collapsed_fits_one_line(host)
    toggle = host.locator("button.toggle")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert "They left out" in toggle.inner_text()

    def collapsed(scheme: str) -> None:
        _shot(host, f"reader-collapsed-{name}-{scheme}")
        assert (
            _axe(
                page, f'teamcredit-annotation[data-post-id="{host.get_attribute("data-post-id")}"]'
            )
            == []
        )

    _both_schemes(page, collapsed)

    # Keyboard: Tab reaches the toggle, Enter opens the panel, focus is visible.
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    outline = toggle.evaluate("b => getComputedStyle(b).outlineStyle")
    assert outline != "none"
    panel = host.evaluate("h => h.shadowRoot.getElementById('details').innerText")
    # Each piece of evidence once, each person once with a role, one culture sentence, a source link.
    people = host.evaluate(
        "h => [...h.shadowRoot.querySelectorAll('.people .name')].map(n => n.textContent)"
    )
    assert len(people) == len(set(people)) > 0
    marks = host.evaluate(
        "h => [...h.shadowRoot.querySelectorAll('mark')].map(m => m.textContent.toLowerCase())"
    )
    assert len(marks) == len(set(marks)) > 0
    assert "They left out:" in panel and "Congrats to" in panel
    assert panel.count(people[0]) == 2  # the list and the suggested comment, nothing else
    assert "csv" not in panel and "http" not in panel
    assert host.locator("a.source").count() == 1
    assert "(" in host.evaluate("h => h.shadowRoot.querySelector('.people li').textContent")

    def expanded(scheme: str) -> None:
        _shot(host, f"reader-expanded-{name}-{scheme}")
        assert (
            _axe(
                page, f'teamcredit-annotation[data-post-id="{host.get_attribute("data-post-id")}"]'
            )
            == []
        )

    _both_schemes(page, expanded)
    height = host.evaluate("h => h.getBoundingClientRect().height")
    assert height < 400, height  # compact: the old panel was ~900 px
    page.close()


def test_reader_mode_puts_a_congratulation_in_the_comment_box(
    browser: BrowserContext, extension_id: str
) -> None:
    page = _open_feed(browser, "/feed/", len(_expected("feed-g1.html")))
    host = _host_for(page, "I failed. My launch plan for Atlas")
    assert host.get_attribute("data-mode") == "reader"
    box = '.comments-comment-box [contenteditable="true"]'
    # What LinkedIn's editor listens to: trusted input events of the editing kind.
    page.evaluate(
        """sel => { window.__inputs = []; document.querySelector(sel).addEventListener('input',
            e => window.__inputs.push([e.inputType, e.isTrusted])); }""",
        box,
    )
    host.locator("button.toggle").click()
    comment = host.evaluate("h => h.shadowRoot.querySelector('.suggestion blockquote').textContent")
    assert comment.startswith("Congrats to ") and comment.endswith(" too!")
    host.locator("button.insert-comment").click()
    assert page.locator(box).inner_text().strip() == comment
    assert ["insertText", True] in page.evaluate("() => window.__inputs")
    assert "comment box" in host.evaluate("h => h.shadowRoot.querySelector('.done').textContent")
    assert page.evaluate(
        "() => document.activeElement?.matches('.comments-comment-box [contenteditable]')"
    )
    page.evaluate("() => window.scrollTo(0, 0)")
    host.scroll_into_view_if_needed()
    _shot(host, "reader-mode")  # docs/img/reader-mode.png is a copy of this one
    page.close()


@pytest.mark.parametrize(
    ("path", "editor"),
    [
        ("/feed/", '[data-test-modal-id="sharebox"] .ql-editor'),
        ("/g3/feed/", '[role="dialog"] .ProseMirror'),
    ],
)
def test_author_mode_adds_the_credit_to_the_draft(
    browser: BrowserContext, extension_id: str, path: str, editor: str
) -> None:
    page = _open_feed(browser, path, len(_expected(PAGES[path])))
    name = path.strip("/").replace("/", "-")
    page.click(editor)
    page.keyboard.type("Thrilled to announce I shipped Atlas! I led it.")
    draft = page.locator('teamcredit-annotation[data-kind="draft"]')
    page.wait_for_function(
        "() => document.querySelector('teamcredit-annotation[data-kind=\"draft\"]')?.dataset.orientation",
        timeout=15_000,
    )
    assert draft.get_attribute("data-orientation") == "INDIVIDUAL"
    assert draft.get_attribute("data-mode") == "author"
    assert draft.is_visible()
    toggle = draft.locator("button.toggle")
    assert toggle.get_attribute("aria-expanded") == "false"  # the panel starts collapsed
    _collapsed_fits_one_line(draft)
    assert "you could credit" in toggle.inner_text()
    _both_schemes(page, lambda scheme: _shot(draft, f"author-collapsed-{name}-{scheme}"))

    page.evaluate(
        """sel => { window.__inputs = []; document.querySelector(sel).addEventListener('input',
            e => window.__inputs.push([e.inputType, e.isTrusted])); }""",
        editor,
    )
    toggle.click()
    text = draft.evaluate("h => h.shadowRoot.getElementById('details').innerText")
    assert "Not credited yet:" in text and ("Carla Rossi" in text or "Bob Nguyen" in text)
    assert "individualism" not in text  # your own reader country is not your audience

    def expanded(scheme: str) -> None:
        _shot(draft, f"author-expanded-{name}-{scheme}")
        assert _axe(page, 'teamcredit-annotation[data-kind="draft"]') == []

    _both_schemes(page, expanded)
    if path == "/feed/":
        _shot(draft, "author-mode")  # docs/img/author-mode.png is a copy of this one
    credit = draft.evaluate("h => h.shadowRoot.querySelector('.suggestion blockquote').textContent")
    draft.locator("button.add-to-post").click()
    shown = page.locator(editor).inner_text()
    assert shown.startswith("Thrilled to announce I shipped Atlas! I led it.")
    assert shown.rstrip().endswith(credit.rstrip())
    assert ["insertText", True] in page.evaluate("() => window.__inputs")
    # The edit went through the editor's input path, so the browser's undo takes it back.
    page.keyboard.press("Control+z")
    assert credit not in page.locator(editor).inner_text()
    assert page.locator(editor).inner_text().startswith("Thrilled to announce I shipped Atlas!")
    page.close()


def _popup(browser: BrowserContext, extension_id: str) -> Page:
    popup = browser.new_page()
    popup.set_viewport_size({"width": 400, "height": 760})
    popup.goto(f"chrome-extension://{extension_id}/popup/popup.html")
    popup.wait_for_selector('body[data-ready="true"]')
    return popup


def test_popup_mirror_updates_after_a_draft_and_forgets(
    browser: BrowserContext, extension_id: str
) -> None:
    popup = _popup(browser, extension_id)
    if popup.locator("#forget").is_enabled():
        popup.click("#forget")
    popup.wait_for_selector('body[data-mirror="0"]')
    assert "Nothing yet" in popup.inner_text("#mirrorSentence")

    page = _open_feed(browser, "/feed/", len(_expected("feed-g1.html")))
    page.click('[data-test-modal-id="sharebox"] .ql-editor')
    page.keyboard.type("Thrilled to announce I shipped Atlas! I led it.")
    # The open popup follows chrome.storage.local as the draft is analysed.
    popup.wait_for_selector('body[data-mirror="1"]', timeout=15_000)
    sentence = popup.inner_text("#mirrorSentence")
    assert sentence == "Your last post put the spotlight on you and credited no one."
    assert popup.locator("#mirrorChart rect").count() == 1
    page.close()

    def check(scheme: str) -> None:
        _shot(popup, f"popup-{scheme}")
        assert _axe(popup) == []

    _both_schemes(popup, check)
    popup.click("#forget")
    popup.wait_for_selector('body[data-mirror="0"]')
    assert popup.locator("#mirrorChart rect").count() == 0
    worker = browser.service_workers[0]
    assert worker.evaluate("async () => (await chrome.storage.local.get('mirror')).mirror") is None
    popup.close()


def test_options_page_is_accessible(browser: BrowserContext, extension_id: str) -> None:
    options = browser.new_page()
    options.goto(f"chrome-extension://{extension_id}/options/options.html")
    options.wait_for_selector('body[data-ready="true"]')
    assert options.locator("#showAll").is_visible()

    def check(scheme: str) -> None:
        _shot(options, f"options-{scheme}")
        assert _axe(options) == []

    _both_schemes(options, check)
    options.close()


def _set_show_all(browser: BrowserContext, extension_id: str, value: bool) -> None:
    """Through the options page; any settings change also empties the answer cache and pause."""
    options = browser.new_page()
    options.goto(f"chrome-extension://{extension_id}/options/options.html")
    options.wait_for_selector('body[data-ready="true"]')
    options.set_checked("#showAll", value)
    options.click("#save")
    browser.service_workers[0].evaluate(
        """async value => { for (;;) {
            const {settings} = await chrome.storage.local.get('settings');
            if (settings?.showAll === value) return;
            await new Promise(r => setTimeout(r, 50)); } }""",
        value,
    )
    options.close()


def _connect(browser: BrowserContext, extension_id: str, key: str) -> None:
    """Sets the API key through the options page and passes its connection test."""
    options = browser.new_page()
    options.goto(f"chrome-extension://{extension_id}/options/options.html")
    options.wait_for_selector('body[data-ready="true"]')
    options.fill("#apiKey", key)
    options.click("#test")
    # The line says "testing" at once: the previous key's stored "connected", shown when the
    # page opened, must not stand for the new key while it is saved and tested.
    assert options.get_attribute("#status", "data-result") == "pending"
    options.wait_for_selector('#status[data-result="ok"]', timeout=30_000)
    # And the worker's own word that a test passed for exactly this key, saved: only then may
    # the caller revoke it (a test that ran after the revocation leaves the extension off, so
    # no status line) or close the page (which could cut the save short).
    state = options.evaluate(
        """async key => { const deadline = Date.now() + 30000; let status;
            for (;;) {
                const {settings} = await chrome.storage.local.get('settings');
                status = await chrome.runtime.sendMessage({type: 'tc:status'});
                if (settings?.apiKey === key && status.connection) return status;
                if (Date.now() > deadline) return status;
                await new Promise(r => setTimeout(r, 50)); } }""",
        key,
    )
    assert state["ready"] and state["connection"]["ok"], state
    options.close()


def _revoke(graph_server: GraphServer, secret: str) -> None:
    import asyncio

    from teamcredit.graph.client import GraphClient
    from teamcredit.graph.keys import ApiKeyRepository

    async def revoke() -> None:
        client = GraphClient(graph_server.uri, "root", graph_server.password, "neo4j", timeout=30)
        try:
            assert await ApiKeyRepository(client).revoke(secret.split("_", 2)[1]) is not None
        finally:
            await client.close()

    asyncio.run(revoke())


def test_refused_key_shows_one_status_line_saying_what_to_do(
    browser: BrowserContext, extension_id: str, api: LiveServer, graph_server: GraphServer
) -> None:
    # Playwright's sync API owns this thread's event loop: the graph calls run on another thread.
    with ThreadPoolExecutor(1) as pool:
        doomed = pool.submit(
            make_key, graph_server.uri, graph_server.password, ("analyze",), "e2e-revoked"
        ).result()
        _connect(browser, extension_id, doomed)
        pool.submit(_revoke, graph_server, doomed).result()
    try:
        page = browser.new_page()
        page.goto("https://www.linkedin.com/feed/")
        status = page.locator("teamcredit-status")
        status.wait_for(state="attached", timeout=20_000)
        page.wait_for_timeout(500)
        assert page.locator("teamcredit-status").count() == 1
        assert status.get_attribute("data-error") == "auth"
        text = status.evaluate("h => h.shadowRoot.querySelector('[role=status]').innerText")
        assert "API key was refused" in text and "enter a valid key" in text
        assert not re.search(r"\b40[13]\b|HTTP|UNAUTHENTICATED", text)
        assert page.locator("teamcredit-annotation:not([hidden])").count() == 0
        _shot(status, "status-line-key-refused")
        page.close()
    finally:
        _connect(browser, extension_id, api.key)  # type: ignore[attr-defined]


def test_api_outage_shows_one_status_line(
    browser: BrowserContext, extension_id: str, api: LiveServer
) -> None:
    _set_show_all(browser, extension_id, True)  # even so, no card speaks during an outage
    api.stop()
    try:
        page = browser.new_page()
        page.goto("https://www.linkedin.com/feed/")
        status = page.locator("teamcredit-status")
        status.wait_for(state="attached", timeout=20_000)
        page.wait_for_timeout(1000)
        assert page.locator("teamcredit-status").count() == 1
        assert status.get_attribute("data-error") == "network"
        text = status.evaluate("h => h.shadowRoot.querySelector('[role=status]').innerText")
        assert "cannot reach its server" in text and "check that the server is running" in text
        assert not re.search(r"\b[45]\d\d\b|HTTP", text)
        visible = page.evaluate(
            """() => [...document.querySelectorAll('teamcredit-annotation')]
                .filter(h => h.getBoundingClientRect().height > 0).length"""
        )
        assert visible == 0

        def check(scheme: str) -> None:
            _shot(status, f"status-line-{scheme}")
            assert _axe(page, "teamcredit-status") == []

        _both_schemes(page, check)
        page.close()
    finally:
        _start_api(api)
        _set_show_all(browser, extension_id, False)

    # Back up: the line is gone and the badges are back.
    page = _open_feed(browser, "/feed/", len(_expected("feed-g1.html")))
    assert page.locator("teamcredit-status").count() == 0
    page.close()
