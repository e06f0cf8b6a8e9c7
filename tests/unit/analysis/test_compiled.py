"""The analyser's hot modules run compiled by mypyc (setup.py), and answer exactly as their
Python source does.

mypyc compiles some str methods to its own C: its `str.lower` once missed the final-sigma
rule. So the compiled analyser is compared with the interpreted source, in a subprocess
that imports a copy of the package without the extension modules.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import os
import random
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import teamcredit
from teamcredit.analysis import scanner

ROOT = Path(__file__).resolve().parents[3]
PACKAGE = Path(teamcredit.__file__).resolve().parent
DEVSET = ROOT / "tests" / "data" / "framing_devset.jsonl"
PURE = os.environ.get("TEAMCREDIT_PURE_PYTHON") == "1"


def compiled_modules() -> tuple[str, ...]:
    tree = ast.parse((ROOT / "setup.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "COMPILED":
            return tuple(ast.literal_eval(node.value))
    raise AssertionError("setup.py lists no COMPILED modules")


@pytest.mark.parametrize("name", compiled_modules())
def test_the_hot_modules_are_compiled_and_current(name: str) -> None:
    module = importlib.import_module(f"teamcredit.analysis.{name}")
    built = Path(module.__file__ or "")
    if PURE:
        assert built.suffix == ".py"
        return
    rebuild = "rm .venv/.stamp-install && make install-py (a C compiler is needed)"
    assert built.suffix == ".so", f"{name} is not compiled: {rebuild}"
    source = PACKAGE / "analysis" / f"{name}.py"
    assert built.stat().st_mtime >= source.stat().st_mtime, (
        f"{built.name} is older than {source.name}: {rebuild}"
    )


Post = tuple[str, str | None, list[str]]


def sample_posts() -> list[Post]:
    rows = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line]
    posts: list[Post] = []
    for row in rows:
        posts += [(row["text"], row["language"], []), (row["text"], None, [])]
    # Characters whose handling a compiler could get wrong: case changes that depend on
    # neighbours or change length, combining marks, astral emoji, quotes, odd spaces.
    pieces = [
        "ΣΑΣ", "ΟΔΥΣΣΕΥΣ", "İstanbul", "Straße", "ǅ", "e\u0301quipe", "🚀", "🙏🏽", "“We did it”",
        "«nous»", "I’m", "on‑call", "\u00a0", "\u2009", "\n\n", "@Léa Martin", "Thanks to Bob,",
        "merci à Inès et Paul", "私たちのチーム", "田中さん", "US", "we", "I led", "l’équipe",
        "ΝΊΚΟΣ", "Νίκος",
    ]  # fmt: skip
    names = ["Νίκος", "Léa Martin", "İpek", "Bob"]
    rng = random.Random(11)
    for _ in range(300):
        text = " ".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        language = rng.choice(["en", "fr", "de", "es", "ja", None])
        posts.append((text, language, rng.sample(names, rng.randint(0, 2))))
    return posts


def answers(posts: list[Post]) -> list[dict[str, Any]]:
    # Imported here, so that the subprocess below runs this same function on the source.
    from teamcredit.analysis.framing import analyze_framing
    from teamcredit.analysis.language import detect_language
    from teamcredit.analysis.lexicon import lower_keeping_offsets
    from teamcredit.cli.serialize import framing_to_dict

    return [
        {
            "framing": framing_to_dict(analyze_framing(text, language, mentions)),
            "lowered": lower_keeping_offsets(text),
            "detected": list(detect_language(text)),
        }
        for text, language, mentions in posts
    ]


INTERPRETED = f"""
import json, sys
from teamcredit.analysis import framing
assert framing.__file__.endswith(".py"), framing.__file__
from typing import Any
Post = Any
{inspect.getsource(answers)}
json.dump(answers(json.load(sys.stdin)), sys.stdout)
"""


def test_compiled_and_interpreted_analysers_agree(tmp_path: Path) -> None:
    if PURE:
        pytest.skip("TEAMCREDIT_PURE_PYTHON=1: nothing is compiled to compare")
    assert scanner.compiled(), "this process must run the compiled analyser to compare it"
    shutil.copytree(PACKAGE, tmp_path / "teamcredit", ignore=shutil.ignore_patterns("*.so"))
    posts = sample_posts()
    result = subprocess.run(
        [sys.executable, "-c", INTERPRETED],
        input=json.dumps(posts),
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        timeout=120,
        check=True,
    )
    interpreted: list[dict[str, Any]] = json.loads(result.stdout)
    compiled = json.loads(json.dumps(answers(posts)))
    assert len(compiled) == len(interpreted) == len(posts)
    for post, mine, theirs in zip(posts, compiled, interpreted, strict=True):
        assert mine == theirs, post
