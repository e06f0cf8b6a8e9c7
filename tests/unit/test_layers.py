"""The layers of docs/architecture.md, read from the code itself (ast, every import of ours,
including those under TYPE_CHECKING and inside functions).

Each row says which of our top-level modules a layer may import. Adding a layer or an edge
means changing this table and the drawing in docs/architecture.md together.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "services" / "api" / "teamcredit"

# The floor: `errors` (what every layer may raise) and `models` (the domain values every
# layer shares). `analysis` stays pure: its own package and the domain values, nothing that
# could reach I/O. `graph` sees nothing above it. `api` reaches the graph only through the
# services container. Nothing but the entry points imports `api` or `cli`; nothing imports
# `training` (the offline fitting of the framing model).
FLOOR = {"errors", "models"}
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "models": {"errors"},
    "settings": set(),
    "logs": set(),
    "validation": {"errors"},
    "analysis": {"models"},
    "graph": FLOOR,
    "generator": {"analysis"} | FLOOR,
    # Offline: fits the framing model on the corpus; nothing imports it back.
    "training": {"analysis"} | FLOOR,
    "services": {"analysis", "graph", "settings", "validation"} | FLOOR,
    "api": {"analysis", "services", "settings", "validation"} | FLOOR,
    "app": {"analysis", "api", "logs", "services", "settings"} | FLOOR,
    "cli": {"analysis", "app", "generator", "graph", "logs", "services", "settings"}
    | {"validation"}
    | FLOOR,
    "__init__": set(),
}


def layer_of(path: Path) -> str:
    return path.relative_to(PACKAGE).with_suffix("").parts[0]


def our_imports(source: str) -> Iterator[tuple[int, str]]:
    """(line, top-level module of ours) for every import in the source."""
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative imports would dodge this test
                names = ["teamcredit.<relative>"]
            elif node.module == "teamcredit":
                # `from teamcredit import x`: a module of ours, or a name of the package root.
                names = [
                    f"teamcredit.{a.name if a.name in ALLOWED else '__init__'}" for a in node.names
                ]
            elif node.module:
                names = [node.module]
        for name in names:
            parts = name.split(".")
            if parts[0] == "teamcredit" and len(parts) > 1:
                yield node.lineno, parts[1]


def violations(path: Path, source: str) -> list[str]:
    layer = layer_of(path)
    allowed = ALLOWED[layer] | {layer, "__init__"}  # the root holds only __version__
    where = path.relative_to(PACKAGE)
    return [
        f"{where}:{line} imports teamcredit.{target} ({layer} may import: "
        f"{', '.join(sorted(allowed - {layer, '__init__'})) or 'nothing of ours'})"
        for line, target in our_imports(source)
        if target not in allowed
    ]


def package_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "data" not in p.relative_to(PACKAGE).parts)


def test_every_module_is_in_a_known_layer() -> None:
    unknown = {layer_of(p) for p in package_files()} - set(ALLOWED)
    assert not unknown, f"add these to ALLOWED and to docs/architecture.md: {sorted(unknown)}"


def test_the_code_keeps_its_layers() -> None:
    files = package_files()
    assert len(files) > 80  # the walk found the package, not an empty folder
    found = [v for p in files for v in violations(p, p.read_text(encoding="utf-8"))]
    assert not found, "\n".join(found)


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("api/x.py", "from teamcredit.graph.models import Person"),
        ("api/x.py", "def f():\n    from teamcredit.graph import nodes"),
        (
            "api/x.py",
            "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import teamcredit.graph",
        ),
        ("analysis/x.py", "from teamcredit.errors import BadUserInput"),
        ("analysis/x.py", "from teamcredit import settings"),
        ("graph/x.py", "from teamcredit.services.container import Services"),
        ("services/x.py", "from teamcredit.api.context import Info"),
        ("models.py", "from teamcredit.graph.client import GraphClient"),
        ("graph/x.py", "from ..services import container"),
    ],
)
def test_a_forbidden_import_is_caught(module: str, source: str) -> None:
    assert violations(PACKAGE / module, source)


def test_allowed_imports_pass() -> None:
    assert not violations(PACKAGE / "api/x.py", "from teamcredit.models import Person")
    assert not violations(PACKAGE / "analysis/x.py", "from teamcredit.analysis import credit")
    assert not violations(PACKAGE / "graph/x.py", "import json\nfrom neo4j import Driver")
