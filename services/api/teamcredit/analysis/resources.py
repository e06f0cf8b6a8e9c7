"""Read the package's own data files (lexicons, templates, culture scores)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any


def data_file(*parts: str) -> Traversable:
    node = resources.files("teamcredit").joinpath("data")
    for part in parts:
        node = node.joinpath(part)
    return node


def read_text(*parts: str) -> str:
    return data_file(*parts).read_text(encoding="utf-8")


def read_toml(*parts: str) -> dict[str, Any]:
    return tomllib.loads(read_text(*parts))


@cache  # packaged data cannot change while the process runs; a directory listing per call did
def list_names(*parts: str, suffix: str) -> tuple[str, ...]:
    """File stems in a data folder, sorted, e.g. the languages that have a lexicon."""
    folder = data_file(*parts)
    return tuple(
        sorted(
            entry.name.removesuffix(suffix)
            for entry in folder.iterdir()
            if entry.name.endswith(suffix) and not entry.name.startswith("_")
        )
    )
