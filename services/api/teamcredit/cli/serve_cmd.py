"""``teamcredit serve`` and ``teamcredit demo``.

Both open the graph and finish their start-up work (for the demo: the schema, its data and
key) before uvicorn serves, on the loop uvicorn then serves on: start-up work gets its own
budget and retries (``TEAMCREDIT_STARTUP_TIMEOUT``), and a failure is one readable line on
stderr and exit code 3, never a traceback from inside uvicorn's lifespan.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from importlib import resources
from pathlib import Path

import typer
import uvicorn

from teamcredit.app import create_app
from teamcredit.cli.common import console, err_console, settings_or_exit
from teamcredit.errors import StartupFailed, TeamCreditError
from teamcredit.graph.embedded import EmbeddedGraphError
from teamcredit.services.container import Services
from teamcredit.services.document import load_document
from teamcredit.services.runtime import open_graph, with_startup_budget
from teamcredit.settings import Settings

DEMO_DOCUMENT = "demo/organization.json"
EXTENSION_ORIGINS = r"^(chrome-extension://[a-p]{32}|moz-extension://[0-9a-f\-]{36})$"
STARTUP_FAILED_EXIT = 3

# Start-up work before serving; what it returns is printed once the server listens.
Prepare = Callable[[Services], Awaitable[str | None]]


def demo_document_path() -> Path:
    return Path(str(resources.files("teamcredit") / "data" / DEMO_DOCUMENT))


def _loop_factory() -> Callable[[], asyncio.AbstractEventLoop] | None:
    try:
        import uvloop
    except ImportError:  # Windows: uvicorn's own choice too
        return None
    return uvloop.new_event_loop


async def _serve(settings: Settings, host: str, port: int, prepare: Prepare | None) -> None:
    runtime = await open_graph(settings, wait_for_schema=False)
    try:
        services = Services.build(settings, runtime)
        if prepare is not None:
            # `serve` starts even without its graph and becomes ready when the graph does
            # (the app's lifespan); the demo's data needs the graph first.
            await with_startup_budget(
                runtime, settings.startup_timeout, "Preparing the graph", runtime.ensure_ready
            )
            announcement = await prepare(services)
        else:
            announcement = None
        config = uvicorn.Config(
            create_app(settings, services=services),
            host=host,
            port=port,
            log_level="warning",
            access_log=False,
        )
        server = uvicorn.Server(config)
        serving = asyncio.create_task(server.serve())
        while not server.started and not serving.done():
            await asyncio.sleep(0.05)
        if server.started and announcement:
            console.print(announcement, highlight=False)
        await serving
    finally:
        await runtime.close()


def run_server(settings: Settings, host: str, port: int, prepare: Prepare | None = None) -> None:
    try:
        with asyncio.Runner(loop_factory=_loop_factory()) as runner:
            runner.run(_serve(settings, host, port, prepare))
    except (StartupFailed, EmbeddedGraphError, TeamCreditError) as exc:
        message = exc.message if isinstance(exc, TeamCreditError) else str(exc)
        err_console.print(f"[red]TeamCredit did not start:[/red] {message}", highlight=False)
        raise typer.Exit(STARTUP_FAILED_EXIT) from None
    except KeyboardInterrupt:
        pass


def serve(
    host: str | None = typer.Option(None, help="Interface (default TEAMCREDIT_HOST)."),
    port: int | None = typer.Option(None, help="Port (default TEAMCREDIT_PORT)."),
) -> None:
    settings = settings_or_exit()
    run_server(settings, host or settings.host, port or settings.port)


def demo(
    host: str | None = typer.Option(None, help="Interface (default TEAMCREDIT_HOST)."),
    port: int | None = typer.Option(None, help="Port (default TEAMCREDIT_PORT)."),
) -> None:
    from teamcredit.cli.import_cmd import print_summary, run_import

    settings = settings_or_exit()
    if settings.cors_origin_regex is None and not settings.cors_origins:
        # Any unpacked build of the extension may call the local demo (keys are bearer
        # tokens, not cookies); production lists its extension ids instead.
        settings = settings.model_copy(update={"cors_origin_regex": EXTENSION_ORIGINS})
    doc = load_document(demo_document_path())
    bound_host, bound_port = host or settings.host, port or settings.port

    async def load_demo(services: Services) -> str:
        console.print("Loading the demo organisation...")
        summary = await with_startup_budget(
            services.runtime,
            settings.startup_timeout,
            "Loading the demo organisation",
            lambda: run_import(services, doc, show_progress=False),
        )
        print_summary(summary)
        key = await with_startup_budget(
            services.runtime,
            settings.startup_timeout,
            "Creating the demo's API key",
            lambda: services.keys.create(name="demo-extension", scopes=("analyze", "read")),
        )
        report = await services.keys.create(name="demo-dashboard", scopes=("report",))
        await services.dashboard.refresh()  # the figures of the organisation just loaded
        return next_steps(bound_host, bound_port, key.secret, report.secret)

    run_server(settings, bound_host, bound_port, prepare=load_demo)


def next_steps(host: str, port: int, secret: str, report: str | None = None) -> str:
    """What to paste into a second terminal (README.md, "Try it"), and where to click."""
    base = f"http://{host}:{port}"
    return "\n".join(
        [
            "",
            f"API key (analyze, read): {secret}",
            "",
            "Serving. In a second terminal, in this folder:",
            f"  export TEAMCREDIT_KEY={secret}",
            f"  export TEAMCREDIT_URL={base}/graphql",
            "  source .venv/bin/activate      # puts `teamcredit` on the PATH",
            "",
            f"GraphiQL (in a browser):   {base}/graphql",
            f"Readiness:                 {base}/readyz",
            "Browser extension:         extension/dist (load it unpacked: see README.md)",
            *(
                [
                    f"Report key: {report}",
                    f"Dashboard (paste the report key): {base}/dashboard/",
                ]
                if report
                else []
            ),
            "Ctrl-C stops the demo.",
        ]
    )
