"""What every command shares: settings (with a clean error), the graph, the console."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from typing import TypeVar

import typer
from rich.console import Console

from teamcredit.errors import GraphUnavailable, TeamCreditError
from teamcredit.graph.embedded import EmbeddedGraphError
from teamcredit.logs import configure_logging
from teamcredit.services.container import Services
from teamcredit.services.runtime import open_graph
from teamcredit.settings import Settings, SettingsError, load_settings

T = TypeVar("T")


def make_console(stderr: bool = False) -> Console:
    """A terminal gets rich's console at its own width. Piped into a file or another program,
    rich would assume 80 columns and cut tables (ids, timestamps) with an ellipsis: output
    then keeps its natural width, uncoloured."""
    if (sys.stderr if stderr else sys.stdout).isatty():
        return Console(stderr=stderr)
    return Console(stderr=stderr, width=10_000, no_color=True, highlight=False)


console = make_console()
err_console = make_console(stderr=True)


def settings_or_exit() -> Settings:
    try:
        settings = load_settings()
    except SettingsError as exc:
        err_console.print(f"[red]{exc}[/red]")
        raise typer.Exit(2) from None
    configure_logging("warning", json=False)
    return settings


def with_services(work: Callable[[Services], Awaitable[T]], settings: Settings | None = None) -> T:
    """Open the graph (join the running embedded one, or start it), run ``work``, close."""
    settings = settings or settings_or_exit()

    async def run() -> T:
        runtime = await open_graph(settings)
        try:
            if not runtime.schema_ready:
                raise GraphUnavailable(f"cannot reach the graph at {runtime.endpoint.uri}")
            # Its writes (an import, a revocation) reach the replicas' shared state too.
            services = Services.build(settings, runtime)
            try:
                return await work(services)
            finally:
                await services.shared.close()
        finally:
            await runtime.close()

    try:
        return asyncio.run(run())
    except EmbeddedGraphError as exc:
        err_console.print(f"[red]The embedded graph could not start:[/red] {exc}")
        raise typer.Exit(3) from None
    except TeamCreditError as exc:
        err_console.print(f"[red]{exc.code}:[/red] {exc.message}")
        raise typer.Exit(1) from None
