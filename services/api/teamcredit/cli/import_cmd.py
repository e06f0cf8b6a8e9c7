"""``teamcredit import``: load an organisation, with a progress bar and a summary."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import typer
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from teamcredit.analysis.matcher import ProjectTerms
from teamcredit.cli.common import console, err_console, with_services
from teamcredit.services.container import Services
from teamcredit.services.document import DocumentError, ImportDocument, load_document
from teamcredit.services.importer import Importer, ImportSummary


def load_any(path: Path) -> tuple[ImportDocument, Callable[[DocumentError], DocumentError]]:
    """The document, and how to point its problems back at the files they came from."""
    if path.is_dir():
        from teamcredit.services.csv_import import CsvFolder

        source = CsvFolder(path)
        return source.document, source.relocate
    return load_document(path), lambda exc: exc


async def run_import(
    services: Services, doc: ImportDocument, show_progress: bool = True, batch_size: int = 1000
) -> ImportSummary:
    existing = await services.projects.all()
    terms = [ProjectTerms(p.id, p.name, p.aliases, p.keywords) for p in existing]
    importer = Importer(services.client, batch_size=batch_size)
    with Progress(
        TextColumn("{task.description:<14}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        disable=not show_progress,
        transient=False,
    ) as progress:
        tasks: dict[str, TaskID] = {}

        def note(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(stage, total=total or 1)
                if total == 0:
                    progress.update(tasks[stage], completed=1)
            progress.advance(tasks[stage], done)

        summary = await importer.run(doc, terms, progress=note)
    services.project_changed()
    return summary


def print_summary(summary: ImportSummary) -> None:
    table = Table(title="Import summary")
    for column in ("type", "created", "updated", "unchanged"):
        table.add_column(column, justify="left" if column == "type" else "right")
    for kind, counts in summary.as_dict().items():
        table.add_row(kind, *(str(counts[c]) for c in ("created", "updated", "unchanged")))
    console.print(table)


def import_(
    path: Path = typer.Argument(..., help="JSON document, or a folder of CSV files."),
    batch_size: int = typer.Option(1000, min=1, max=10_000, help="Rows per UNWIND batch."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    if not path.exists():
        err_console.print(f"[red]No such file or folder:[/red] {path}")
        raise typer.Exit(2)
    try:
        doc, locate = load_any(path)
    except DocumentError as exc:
        err_console.print(f"[red]Nothing was imported.[/red] {exc}")
        raise typer.Exit(2) from None

    async def work(services: Services) -> ImportSummary:
        return await run_import(services, doc, show_progress=not quiet, batch_size=batch_size)

    try:
        summary = with_services(work)
    except DocumentError as exc:
        err_console.print(f"[red]Nothing was imported.[/red] {locate(exc)}")
        raise typer.Exit(2) from None
    print_summary(summary)
