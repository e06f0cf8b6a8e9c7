"""``teamcredit compact-graph``: leave nothing of erased people in the embedded graph's files."""

from __future__ import annotations

import json
import subprocess
import sys

import typer

from teamcredit.cli.common import console, err_console, settings_or_exit, with_services
from teamcredit.graph.embedded import read_running
from teamcredit.services.container import Services


def compact_graph() -> None:
    """Rebuild the embedded graph's indexes and clear its write-ahead log (graph stopped)."""
    settings = settings_or_exit()
    if settings.neo4j_uri:
        err_console.print(
            "TEAMCREDIT_NEO4J_URI is set: this command is for the embedded graph; for Neo4j "
            "see docs/security.md (Erasure)."
        )
        raise typer.Exit(2)
    if read_running(settings.data_dir) is not None:
        err_console.print(
            f"The embedded graph of {settings.data_dir} is running: stop `teamcredit serve` or "
            "`teamcredit graph` first (the indexes are rebuilt offline)."
        )
        raise typer.Exit(2)
    done = subprocess.run(
        [sys.executable, "-m", "teamcredit.graph.compact", str(settings.data_dir.resolve())],
        capture_output=True,
        text=True,
        check=False,
    )
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode != 0 or not lines:
        err_console.print(f"[red]Dropping the indexes failed[/red]:\n{done.stdout}{done.stderr}")
        raise typer.Exit(1)
    dropped = json.loads(lines[-1])["dropped"]

    async def rebuilt(_services: Services) -> None:
        return None  # opening the graph applies the schema: the indexes are built again

    # Starts the embedded graph (schema set-up rebuilds the indexes from live records), then
    # stops it cleanly, which deletes the write-ahead log.
    with_services(rebuilt, settings)
    console.print(
        f"Rebuilt {len(dropped)} indexes from the live records and cleared the write-ahead "
        f"log of {settings.data_dir}: erased people's bytes are gone from its files."
    )
