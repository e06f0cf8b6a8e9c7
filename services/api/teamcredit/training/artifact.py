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


# Fitted numbers are written to 6 decimals; another machine's BLAS may round the last one
# the other way (roles.json refitted on a fresh machine differed by 1e-6 in 22 weights).
CHECK_TOLERANCE = 1e-5


def same(fitted: Any, shipped: Any) -> bool:
    """Whether two JSON documents agree, numbers within `CHECK_TOLERANCE`."""
    if isinstance(fitted, dict) and isinstance(shipped, dict):
        return fitted.keys() == shipped.keys() and all(
            same(fitted[key], shipped[key]) for key in fitted
        )
    if isinstance(fitted, list) and isinstance(shipped, list):
        return len(fitted) == len(shipped) and all(map(same, fitted, shipped))
    if isinstance(fitted, bool) or isinstance(shipped, bool):  # a bool is an int to Python
        return type(fitted) is type(shipped) and fitted == shipped
    if isinstance(fitted, int | float) and isinstance(shipped, int | float):
        return abs(fitted - shipped) <= CHECK_TOLERANCE
    return bool(fitted == shipped)


def write_or_check(document: dict[str, Any], out: Path, check: bool, module: str) -> int:
    """Write `document` to `out`, or with `check` compare it with what `out` holds; the exit
    status of the script (`module`, named in the message that says how to refresh it)."""
    text = render(document)
    if check:
        if not same(json.loads(text), json.loads(out.read_text(encoding="utf-8"))):
            print(f"{out} is stale: run python -m {module}", file=sys.stderr)
            return 1
        print(f"{out} is what python -m {module} makes")
        return 0
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out}")
    return 0
