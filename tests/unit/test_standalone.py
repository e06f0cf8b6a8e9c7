"""The repository stands alone: no file points at design notes or sources outside it."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {
    ".git",
    ".venv",
    ".teamcredit",
    "node_modules",
    "dist",
    ".hypothesis",
    ".mypy_cache",
    ".ruff_cache",
}
# The design folder the project started from, and paths climbing out of the checkout.
OUTSIDE = re.compile(r"shared/design|\.\./shared/(?!i18n|messages|settings|analysis|spans|hash)")
TEXT = {".py", ".md", ".ts", ".mjs", ".js", ".json", ".toml", ".yaml", ".yml", ".txt", ".cfg"}


def tracked_text_files() -> list[Path]:
    return [
        p
        for p in ROOT.rglob("*")
        if p.is_file()
        and (p.suffix in TEXT or p.name in {"Makefile", "Dockerfile"})
        and not SKIP & set(p.relative_to(ROOT).parts)
        and p != Path(__file__).resolve()
    ]


def test_no_reference_outside_the_repository() -> None:
    files = tracked_text_files()
    assert any(p.name == "architecture.md" for p in files)
    found = [
        f"{p.relative_to(ROOT)}:{n}: {line.strip()}"
        for p in files
        for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert not found, "\n".join(found)
