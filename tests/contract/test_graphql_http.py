"""GraphQL over HTTP conformance: graphql-http's server audit against a live server.

Every audit passes, MUST and SHOULD alike (docs/graphql-over-http.md): an error or a
warning fails the test.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from tests.support.api import LiveServer

HERE = Path(__file__).parent


def test_graphql_http_audit(contract_server: LiveServer) -> None:
    node = shutil.which("node")
    assert node, "node is required (make test installs the audit's npm packages)"
    key = contract_server.key  # type: ignore[attr-defined]
    run = subprocess.run(
        [node, str(HERE / "audit.mjs"), contract_server.base_url + "/graphql", f"Bearer {key}"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    results = json.loads(run.stdout)
    counts = {s: sum(1 for r in results if r["status"] == s) for s in ("ok", "warn", "error")}
    print(f"graphql-http audit: {counts}")
    failing = [r for r in results if r["status"] != "ok"]
    assert not failing, failing
    assert counts["ok"] >= 60
