"""``teamcredit generate``: write a synthetic organisation with known answers.

    teamcredit generate --people 10000 --seed 7 --out org.json
    teamcredit import org.json

Writes the import document to --out and what was planted in it (and the answer each
docs/cypher/ query should give) to --out + ".answers.json".
"""

from __future__ import annotations

import time
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

from teamcredit.cli.common import console, err_console
from teamcredit.generator import MIN_PEOPLE, PlantFailed, generate_organization, write

_STAGES = {
    "structure": "people & teams",
    "posts": "planning posts",
    "texts": "writing posts",
    "answers": "known answers",
}


def generate(
    people: int = typer.Option(
        1000, "--people", "-n", min=MIN_PEOPLE, max=1_000_000, help="How many people."
    ),
    seed: int = typer.Option(7, "--seed", "-s", help="Same seed, same organisation."),
    out: Path = typer.Option(..., "--out", "-o", help="Where to write the JSON document."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Generate a realistic organisation (teams, projects, posts in 4 languages) to import."""
    if out.parent and not out.parent.exists():
        err_console.print(f"[red]No such folder:[/red] {out.parent}")
        raise typer.Exit(2)
    started = time.perf_counter()
    with Progress(
        TextColumn("{task.description:<16}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err_console,
        disable=quiet,
    ) as progress:
        tasks: dict[str, TaskID] = {}

        def note(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = progress.add_task(_STAGES.get(stage, stage), total=total)
            progress.update(tasks[stage], completed=done, total=total)

        try:
            generated = generate_organization(people, seed, progress=note)
        except PlantFailed as exc:
            err_console.print(f"[red]{exc}[/red] (seed {seed}, {people} people)")
            raise typer.Exit(1) from None
    sidecar = write(generated, out)
    doc = generated.document
    seconds = time.perf_counter() - started
    console.print(
        f"Wrote {out}: {len(doc['organizations'])} organisations, {len(doc['teams'])} teams, "
        f"{len(doc['people'])} people, {len(doc['projects'])} projects, "
        f"{len(doc['posts'])} posts ({seconds:.1f} s)."
    )
    console.print(f"Planted answers: {sidecar}")
    console.print(f"Next: teamcredit import {out}")
