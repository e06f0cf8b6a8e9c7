"""Start-up on a large, cold graph: the demo restarted on a 10,000-person organisation.

After `teamcredit generate --people 10000` and `teamcredit import`, the next `make demo`
crashed with a traceback: loading the demo read every project under a request's 1.5 s
budget. Here the request budget is cut to 50 ms, far below what the start-up statements
need on this graph, so only start-up's own budget can carry it.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from teamcredit.generator.emit import document, number_posts
from teamcredit.generator.render import Renderer
from teamcredit.generator.shape import DEFAULT_SHAPE
from teamcredit.generator.structure import build_structure
from teamcredit.graph.embedded import free_port
from tests.support.demo import Demo

ANALYZE = '{ analyzePost(input: {text: "We shipped it together"}) { framing { orientation } } }'


def _large_organisation(path: Path) -> None:
    """`teamcredit generate --people 10000` without its 100,000 posts (the posts make the
    import take minutes; the people, teams, projects and their links are what start-up reads)."""
    rng = random.Random(7)
    org = build_structure(rng, 10_000, DEFAULT_SHAPE)
    number_posts(org)
    path.write_text(json.dumps(document(org, Renderer(rng), lambda *_: None)), encoding="utf-8")


def test_the_demo_restarts_on_a_10000_person_graph(tmp_path: Path) -> None:
    _large_organisation(tmp_path / "org.json")
    env = {"TEAMCREDIT_DATA_DIR": str(tmp_path / ".teamcredit"), "TEAMCREDIT_LOG_LEVEL": "warning"}
    teamcredit = str(Path(sys.executable).parent / "teamcredit")
    subprocess.run(
        [teamcredit, "import", "--quiet", "org.json"],
        cwd=tmp_path,
        env={**_base_env(), **env},
        check=True,
        capture_output=True,
        timeout=300,
    )
    demo = Demo(tmp_path, {**env, "TEAMCREDIT_GRAPH_TIMEOUT": "0.05"})
    try:
        demo.start(timeout=180)
        assert "Traceback" not in demo.output
        base = f"http://127.0.0.1:{demo.port}"
        assert httpx.get(base + "/readyz", timeout=10).status_code == 200
        key = demo.exported("TEAMCREDIT_KEY")
        answer = httpx.post(
            base + "/graphql",
            json={"query": ANALYZE},
            headers={"authorization": f"Bearer {key}"},
            timeout=30,
        ).json()
        assert "errors" not in answer, answer
        assert answer["data"]["analyzePost"]["framing"]["orientation"]
    finally:
        code = demo.stop()
    assert code == 0, demo.output


def test_a_start_that_cannot_finish_says_so_in_one_line(tmp_path: Path) -> None:
    nobody = f"bolt://127.0.0.1:{free_port()}"  # nothing listens there
    demo = Demo(
        tmp_path,
        {
            "TEAMCREDIT_NEO4J_URI": nobody,
            "TEAMCREDIT_NEO4J_PASSWORD": "x",
            "TEAMCREDIT_STARTUP_TIMEOUT": "3",
            "TEAMCREDIT_LOG_LEVEL": "error",
        },
    )
    with pytest.raises(RuntimeError, match="demo exited 3"):
        demo.start(timeout=60)
    assert "Traceback" not in demo.output
    last = [line for line in demo.lines if line.strip()][-1]
    assert last.startswith("TeamCredit did not start: Preparing the graph failed:"), demo.output
    assert nobody in last and "TEAMCREDIT_STARTUP_TIMEOUT" in last


def _base_env() -> dict[str, str]:
    import os

    return dict(os.environ)
