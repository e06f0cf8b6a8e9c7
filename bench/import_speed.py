"""Import time of a generated organisation vs. a raw-driver baseline, same run, fresh graphs.

Run: .venv/bin/python bench/import_speed.py [--people 10000] [--seed 7] [--doc org.json]
                                            [--batch-size 1000] [--quick] [--profile FILE]

1. Build the document (generate it, or load --doc) and validate it.
2. Start a fresh embedded graph (ArcadeDB, as `teamcredit` does) in a temporary folder and
   import with the real Importer: framing analysis, fingerprints, one UNWIND per batch.
3. Import the same document again: it must report 0 created / 0 updated.
4. Stop it; start another fresh embedded graph; write the SAME rows with the SAME Cypher
   statements (graph/bulk.py's), batch by batch, through the neo4j driver directly: no
   validation, no framing, no fingerprint reads. That is the baseline.
5. Print both times and their ratio (targets: import < 60 s, ratio <= 1.25).

--profile FILE writes a pyinstrument text profile of step 2 to FILE.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neo4j import AsyncGraphDatabase, AsyncManagedTransaction

from teamcredit.analysis.matcher import ProjectMatcher, ProjectTerms
from teamcredit.generator import generate_organization
from teamcredit.graph.bulk import _EDGE_WRITES, _NODE_WRITES  # the very statements imports run
from teamcredit.graph.client import GraphClient
from teamcredit.graph.embedded import EmbeddedGraph, GraphEndpoint
from teamcredit.graph.schema import apply_schema
from teamcredit.logs import configure_logging
from teamcredit.services.document import ImportDocument, parse_document
from teamcredit.services.importer import Importer, ImportSummary, _hashed, post_rows

TARGET_SECONDS = 60.0
TARGET_RATIO = 1.25


def build_document(args: argparse.Namespace) -> tuple[ImportDocument, float, float]:
    started = time.perf_counter()
    if args.doc:
        raw = json.loads(Path(args.doc).read_text(encoding="utf-8"))
    else:
        raw = generate_organization(args.people, args.seed).document
    built = time.perf_counter()
    doc = parse_document(raw)
    return doc, built - started, time.perf_counter() - built


def same_rows(doc: ImportDocument) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """(kind, label or type, rows) in import order: exactly what the importer writes."""
    terms = [ProjectTerms(p.id, p.name, tuple(p.aliases), tuple(p.keywords)) for p in doc.projects]
    return [
        ("node", "Organization", [_hashed(o.model_dump()) for o in doc.organizations]),
        ("node", "Team", [_hashed(t.model_dump()) for t in doc.teams]),
        ("node", "Person", [_hashed(p.model_dump()) for p in doc.people]),
        ("node", "Project", [_hashed(p.model_dump()) for p in doc.projects]),
        (
            "edge",
            "MEMBER_OF",
            [{**m.model_dump(), "key": f"{m.personId}|{m.teamId}"} for m in doc.memberships],
        ),
        (
            "edge",
            "CONTRIBUTED_TO",
            [{**c.model_dump(), "key": f"{c.personId}|{c.projectId}"} for c in doc.contributions],
        ),
        ("node", "Post", post_rows(doc, ProjectMatcher(terms))),
    ]


def batches(rows: Sequence[dict[str, Any]], size: int) -> Iterator[Sequence[dict[str, Any]]]:
    for start in range(0, len(rows), size):
        yield rows[start : start + size]


class FreshGraph:
    """An embedded graph in a temporary folder, gone when the block ends."""

    def __enter__(self) -> GraphEndpoint:
        self._tmp = tempfile.TemporaryDirectory(prefix="teamcredit-bench-")
        self._graph = EmbeddedGraph(Path(self._tmp.name))
        return self._graph.start()

    def __exit__(self, *_: object) -> None:
        self._graph.stop()
        self._tmp.cleanup()


async def client_for(endpoint: GraphEndpoint) -> GraphClient:
    client = GraphClient(
        endpoint.uri, endpoint.user, endpoint.password, endpoint.database, timeout=600.0
    )
    await apply_schema(client)  # same indexes and constraints for both runs, not timed
    return client


def stage_printer() -> Callable[[str, int, int], None]:
    state = {"stage": "", "done": 0}

    def note(stage: str, done: int, total: int) -> None:
        if stage != state["stage"]:
            state.update(stage=stage, done=0)
        state["done"] = int(state["done"]) + done
        print(f"\r  {stage:<14} {state['done']:>7}/{total:<7}", end="", file=sys.stderr)

    return note


@dataclass
class ImporterTimes:
    first: float = 0.0
    again: float = 0.0
    reads: float = 0.0  # fingerprint and reference reads, first import only
    writes: float = 0.0  # UNWIND writes, first import only
    summary: ImportSummary | None = None

    @property
    def other(self) -> float:
        """Outside any statement: framing, fingerprints, rows, BEGIN/COMMIT round trips."""
        return self.first - self.reads - self.writes


async def importer_run(
    endpoint: GraphEndpoint, doc: ImportDocument, batch_size: int, profile: str | None
) -> ImporterTimes:
    client = await client_for(endpoint)
    times = ImporterTimes()

    def listen(query: str, seconds: float, _ok: bool) -> None:
        if query.lstrip().startswith(("MATCH", "UNWIND $rows AS row\nMATCH (:")):
            times.reads += seconds
        else:
            times.writes += seconds

    try:
        importer = Importer(client, batch_size=batch_size)
        client.add_listener(listen)
        profiler = None
        if profile:
            from pyinstrument import Profiler

            profiler = Profiler(async_mode="enabled")
            profiler.start()
        started = time.perf_counter()
        await importer.run(doc, progress=stage_printer())
        times.first = time.perf_counter() - started
        client.remove_listener(listen)
        if profiler is not None:
            profiler.stop()
            Path(profile).write_text(profiler.output_text(unicode=True, show_all=False))
        print(file=sys.stderr)
        started = time.perf_counter()
        times.summary = await importer.run(doc)
        times.again = time.perf_counter() - started
        return times
    finally:
        await client.close()


async def baseline_run(
    endpoint: GraphEndpoint, rows: list[tuple[str, str, list[dict[str, Any]]]], batch_size: int
) -> float:
    setup = await client_for(endpoint)  # schema only
    await setup.close()
    driver = AsyncGraphDatabase.driver(endpoint.uri, auth=(endpoint.user, endpoint.password))
    try:

        async def write(tx: AsyncManagedTransaction, query: Any, batch: Any) -> None:
            await (await tx.run(query, {"rows": batch})).consume()

        started = time.perf_counter()
        async with driver.session(database=endpoint.database) as session:
            for kind, name, all_rows in rows:
                query = _NODE_WRITES[name] if kind == "node" else _EDGE_WRITES[name]
                for batch in batches(all_rows, batch_size):
                    await session.execute_write(write, query, list(batch))
        return time.perf_counter() - started
    finally:
        await driver.close()


def summary_line(summary: ImportSummary) -> str:
    parts = [
        f"{kind} {c['created']}/{c['updated']}/{c['unchanged']}"
        for kind, c in summary.as_dict().items()
    ]
    return "created/updated/unchanged: " + ", ".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--doc", help="import this JSON document instead of generating one")
    parser.add_argument("--batch-size", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="1,000 people (CI smoke run)")
    parser.add_argument("--profile", help="write a pyinstrument profile of the import here")
    parser.add_argument("--repeat", type=int, default=1, help="runs of each; the best counts")
    args = parser.parse_args()
    configure_logging("warning", json=False)  # the graph's start-up lines are noise here
    if args.quick:
        args.people = 1000

    doc, generated, validated = build_document(args)
    counts = {
        k: len(getattr(doc, k))
        for k in ("organizations", "teams", "people", "projects", "memberships", "contributions")
    }
    print(
        f"document: {len(doc.posts):,} posts, "
        + ", ".join(f"{v:,} {k}" for k, v in counts.items())
        + f" (generated in {generated:.1f} s, validated in {validated:.1f} s)"
    )

    rows_started = time.perf_counter()
    rows = same_rows(doc)
    rows_seconds = time.perf_counter() - rows_started
    runs: list[ImporterTimes] = []
    bases: list[float] = []
    for _ in range(args.repeat):  # alternate, so a busy moment of the machine hits both
        with FreshGraph() as endpoint:
            runs.append(asyncio.run(importer_run(endpoint, doc, args.batch_size, args.profile)))
        with FreshGraph() as endpoint:
            bases.append(asyncio.run(baseline_run(endpoint, rows, args.batch_size)))

    best = min(runs, key=lambda r: r.first)
    base = min(bases)
    ratio = best.first / base
    print(f"batch size: {args.batch_size} rows per UNWIND; best of {args.repeat} run(s)")
    print(
        f"importer (teamcredit import), fresh embedded graph: {best.first:6.1f} s"
        f"   runs: {', '.join(f'{r.first:.1f}' for r in runs)}"
    )
    print(
        f"  of which graph writes {best.writes:.1f} s, graph reads {best.reads:.1f} s "
        f"(fingerprints, references), other {best.other:.1f} s (framing, fingerprints, rows, "
        "BEGIN/COMMIT)"
    )
    print(
        f"raw driver baseline, same rows and Cypher, fresh graph: {base:6.1f} s"
        f"   runs: {', '.join(f'{b:.1f}' for b in bases)}"
    )
    print(f"  (building the baseline's rows, framing included, took {rows_seconds:.1f} s, untimed)")
    print(f"ratio importer / baseline: {ratio:.2f}x (target <= {TARGET_RATIO}x)")
    print(
        f"import under {TARGET_SECONDS:.0f} s: {'yes' if best.first < TARGET_SECONDS else 'NO'}; "
        f"within {TARGET_RATIO}x of the baseline: {'yes' if ratio <= TARGET_RATIO else 'NO'}"
    )
    again = best.summary
    assert again is not None
    print(f"re-import of the same document: {best.again:.1f} s, {summary_line(again)}")
    print(f"re-import changed anything: {'NO' if again.changed == 0 else 'YES'}")


if __name__ == "__main__":
    main()
