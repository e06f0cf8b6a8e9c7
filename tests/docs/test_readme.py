"""README.md's "Try it", followed literally: a demo in one process, and in a second shell the
lines the demo printed, then every `sh` block of the section, as written.

The demo runs in a scratch folder that holds this checkout's `.venv` (a link), so that
`source .venv/bin/activate` means what it means in the README, and the demo's graph
(`.teamcredit/`) is the one a second terminal "in this folder" finds.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.demo import Demo

REPO = Path(__file__).resolve().parents[2]
README = (REPO / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## Try it", 1)[1].split("\n## ", 1)[0]
BLOCKS = [
    re.sub(r"^   ", "", block, flags=re.M)
    for block in re.findall(r"```sh\n(.*?)```", SECTION, flags=re.S)
]
# What each block's output must show (README.md says so next to it).
EXPECTED = [
    ["Alice Martin", "Carla Rossi", "David Kim", "Thrilled to announce", "INDIVIDUAL"],
    ["INDIVIDUAL", "Thrilled to announce", "Alice Martin", "demo-extension"],
]


def test_the_section_is_what_this_test_runs() -> None:
    assert len(BLOCKS) == len(EXPECTED)
    assert "open a **second terminal**" in SECTION.replace("Open", "open")
    for line in ("export TEAMCREDIT_KEY=", "export TEAMCREDIT_URL=", "source .venv/bin/activate"):
        assert line in SECTION, line


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("readme")
    (folder / ".venv").symlink_to(REPO / ".venv")
    running = Demo(folder, {"TEAMCREDIT_LOG_LEVEL": "warning"})
    running.start(timeout=180)
    yield running
    assert running.stop() == 0, running.output


def second_terminal(demo: Demo, script: str) -> subprocess.CompletedProcess[str]:
    """A fresh bash in the demo's folder: the pasted lines, then the README's commands."""
    pasted = [line.strip() for line in demo.lines if line.strip().startswith(("export", "source"))]
    assert len(pasted) == 3, demo.output
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": str(demo.workdir), "LANG": "C.UTF-8"}
    return subprocess.run(
        ["bash", "-e", "-o", "pipefail", "-c", "\n".join([*pasted, script])],
        cwd=demo.workdir,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("index", range(len(BLOCKS)))
def test_each_command_works_as_written(demo: Demo, index: int) -> None:
    done = second_terminal(demo, BLOCKS[index])
    assert done.returncode == 0, (BLOCKS[index], done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    for expected in EXPECTED[index]:
        assert expected in done.stdout, (expected, done.stdout, done.stderr)


def test_the_demo_prints_the_key_and_the_urls(demo: Demo) -> None:
    key = demo.exported("TEAMCREDIT_KEY")
    assert re.fullmatch(r"tc_[0-9a-f]{16}_\S{43}", key)
    url = demo.exported("TEAMCREDIT_URL")
    assert url == f"http://127.0.0.1:{demo.port}/graphql"
    assert f"GraphiQL (in a browser):   {url}" in demo.output
