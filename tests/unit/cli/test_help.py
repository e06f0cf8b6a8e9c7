"""Every command and subcommand explains itself, and so does each of its options."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from teamcredit.cli import app


# Typer may bring its own copy of click: groups and options are recognised by shape.
def commands(group: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for name, command in group.commands.items():
        yield (*path, name)
        if hasattr(command, "commands"):
            yield from commands(command, (*path, name))


def resolve(path: tuple[str, ...]) -> Any:
    command: Any = typer.main.get_command(app)
    for name in path:
        command = command.commands[name]
    return command


ALL = list(commands(typer.main.get_command(app)))


def test_the_walk_finds_the_subcommands() -> None:
    assert {("keys", "create"), ("keys", "list"), ("keys", "revoke"), ("analyze",)} <= set(ALL)


@pytest.mark.parametrize("path", ALL, ids=" ".join)
def test_every_command_has_help(path: tuple[str, ...]) -> None:
    command = resolve(path)
    assert (command.help or "").strip(), f"teamcredit {' '.join(path)} has no help text"
    for param in command.params:
        if param.param_type_name == "option" and param.name != "help":
            assert (param.help or "").strip(), f"{' '.join(path)} {param.opts[0]}: no help"
    shown = CliRunner().invoke(app, [*path, "--help"])
    assert shown.exit_code == 0, shown.output
    assert (command.help or "").split()[0] in shown.output


def test_piped_tables_are_not_cut() -> None:
    """Rich assumes 80 columns off a terminal and cut ids and timestamps with an ellipsis."""
    script = (
        "from teamcredit.cli.common import console\n"
        "from teamcredit.cli.cypher_cmd import OutputFormat, render\n"
        "rows = [{'id': 'k' * 60, 'name': 'n' * 40, 'created': '2026-12-07T06:00:00+00:00'}]\n"
        "console.print(render(rows, OutputFormat.table))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    ).stdout
    assert "k" * 60 in out and "n" * 40 in out and "2026-12-07T06:00:00+00:00" in out
    assert "…" not in out and "\x1b[" not in out
