"""``teamcredit serve`` and ``teamcredit demo``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import typer
import uvicorn

from teamcredit.app import create_app
from teamcredit.cli.common import console, settings_or_exit
from teamcredit.services.container import Services
from teamcredit.services.document import load_document

DEMO_DOCUMENT = "demo/organization.json"
EXTENSION_ORIGINS = r"^(chrome-extension://[a-p]{32}|moz-extension://[0-9a-f\-]{36})$"


def demo_document_path() -> Path:
    return Path(str(resources.files("teamcredit") / "data" / DEMO_DOCUMENT))


def serve(
    host: str | None = typer.Option(None, help="Interface (default TEAMCREDIT_HOST)."),
    port: int | None = typer.Option(None, help="Port (default TEAMCREDIT_PORT)."),
) -> None:
    settings = settings_or_exit()
    uvicorn.run(
        create_app(settings),
        host=host or settings.host,
        port=port or settings.port,
        log_level="warning",
        access_log=False,
    )


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

    async def load_demo(services: Services) -> None:
        console.print("Loading the demo organisation...")
        print_summary(await run_import(services, doc, show_progress=False))
        console.print(await _demo_key(services), soft_wrap=True, highlight=False)
        console.print(
            f"GraphQL (GraphiQL in a browser): http://{bound_host}:{bound_port}/graphql\n"
            "Browser extension: extension/dist (see README: load it unpacked). Ctrl-C stops.",
            highlight=False,
        )

    uvicorn.run(
        create_app(settings, on_ready=load_demo),
        host=bound_host,
        port=bound_port,
        log_level="warning",
        access_log=False,
    )


async def _demo_key(services: Services) -> str:
    """An analyze,read key for the extension, printed on a line of its own."""
    created = await services.keys.create(name="demo-extension", scopes=("analyze", "read"))
    return f"API key: {created.secret}"
