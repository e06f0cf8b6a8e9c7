"""axe-core in a real Chromium page: the serious and critical accessibility violations.

Shared by the extension's and the dashboard's browser tests. axe-core comes from the
extension's npm packages (`make install-ext`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

AXE_JS = (
    Path(__file__).resolve().parents[2] / "extension" / "node_modules" / "axe-core" / "axe.min.js"
)
SERIOUS = {"serious", "critical"}


def axe_violations(page: Page, include: str | None = None) -> list[dict[str, Any]]:
    """axe-core's serious and critical violations on the page (or inside one element).

    Injected over CDP: extension pages forbid inline scripts and eval, DevTools evaluation is
    not subject to the page's CSP.
    """
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("Runtime.evaluate", {"expression": AXE_JS.read_text()})
        context = json.dumps({"include": [include]}) if include else "document"
        found = cdp.send(
            "Runtime.evaluate",
            {
                "expression": f"""axe.run({context}, {{resultTypes: ['violations']}}).then(r =>
                    JSON.stringify(r.violations.map(v => ({{id: v.id, impact: v.impact,
                        help: v.help, nodes: v.nodes.map(n => n.target)}}))))""",
                "awaitPromise": True,
                "returnByValue": True,
            },
        )
    finally:
        cdp.detach()
    assert "exceptionDetails" not in found, found
    violations: list[dict[str, Any]] = json.loads(found["result"]["value"])
    return [v for v in violations if v["impact"] in SERIOUS]
