"""A fitted data file: written by its script, or checked against what the script makes.

`fit` and `roles` each turn the corpus into a JSON file the analyser ships; `--check`
fails when the shipped file is not what the corpus makes now (a stale file is a wrong
analyser).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def render(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=1, ensure_ascii=False) + "\n"


def write_or_check(document: dict[str, Any], out: Path, check: bool, module: str) -> int:
    """Write `document` to `out`, or with `check` compare it with what `out` holds; the exit
    status of the script (`module`, named in the message that says how to refresh it)."""
    text = render(document)
    if check:
        if out.read_text(encoding="utf-8") != text:
            print(f"{out} is stale: run python -m {module}", file=sys.stderr)
            return 1
        print(f"{out} is what python -m {module} makes")
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0
