"""``teamcredit graph``: the embedded graph in the foreground, for analysts' Bolt clients."""

from __future__ import annotations

import os
import sys

import typer
from rich.console import Console

from teamcredit.cli.common import err_console, settings_or_exit
from teamcredit.graph.embedded import (
    ALREADY_RUNNING_EXIT,
    GraphEndpoint,
    read_running,
    serve_foreground,
)


def graph(
    port: int = typer.Option(0, help="Bolt port (0 = a free one)."),
) -> None:
    settings = settings_or_exit()
    if settings.neo4j_uri:
        err_console.print(
            f"TEAMCREDIT_NEO4J_URI is set ({settings.neo4j_uri}): the graph is that server, "
            "nothing to start."
        )
        raise typer.Exit(2)

    # ArcadeDB logs a lot at INFO on stdout: that goes to the log file, our lines to the user.
    log_path = settings.data_dir / "logs" / "graph.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    sys.stdout.flush()
    console = Console(file=os.fdopen(os.dup(1), "w", buffering=1))
    with log_path.open("ab") as log_file:
        os.dup2(log_file.fileno(), 1)
        os.dup2(log_file.fileno(), 2)

    def ready(endpoint: GraphEndpoint) -> None:
        console.print(f"Bolt URI: {endpoint.uri}")
        console.print(f"User:     {endpoint.user}")
        console.print(f"Password: {endpoint.password}")
        console.print(f"Database: {endpoint.database}")
        console.print(f"Reader:   {endpoint.reader_user} / {endpoint.reader_password}  (read-only)")
        console.print(f"Data:     {settings.data_dir.resolve()}  (log: {log_path}; Ctrl-C stops)")

    console.print("Starting the embedded graph (ArcadeDB over Bolt)...")
    code = serve_foreground(settings.data_dir, bolt_port=port, on_ready=ready)
    if code == ALREADY_RUNNING_EXIT:
        running = read_running(settings.data_dir)
        where = f" at {running.uri}" if running else ""
        console.print(f"A graph server for {settings.data_dir} is already running{where}.")
        raise typer.Exit(code)
