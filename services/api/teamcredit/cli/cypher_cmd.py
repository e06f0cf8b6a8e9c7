"""``teamcredit cypher``: run an analyst's read-only query, print a table, CSV or JSON.

    teamcredit cypher docs/cypher/09-most-credited-people.cypher --param top=5
    teamcredit cypher "MATCH (t:Team) RETURN t.name AS team" --format csv

Parameters the query uses and you do not pass are null, so a query can give them a
default with ``coalesce($top, 10)``; ``$hofstede`` (Hofstede individualism per country)
is filled from the packaged table. A query that could write is refused before the graph
is opened.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from enum import Enum
from pathlib import Path
from typing import Any

import typer
from neo4j.exceptions import Neo4jError
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from teamcredit.analysis.culture import all_cultures
from teamcredit.cli.common import console, err_console, with_services
from teamcredit.errors import BadUserInput
from teamcredit.graph.adhoc import check_read_only, parameter_names, parse_param, run_read_only
from teamcredit.services.container import Services
from teamcredit.services.runtime import open_reader


class OutputFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


def hofstede_rows() -> list[dict[str, Any]]:
    """``$hofstede``: one {iso2, country, idv, pdi} per country of the packaged table."""
    return [
        {
            "iso2": c.country,
            "country": c.name,
            "idv": c.individualism,
            "pdi": c.power_distance,
        }
        for c in all_cultures()
        if c.individualism is not None
    ]


BUILT_IN_PARAMETERS = {"hofstede": hofstede_rows}


def _is_file(source: str) -> bool:
    try:
        return "\n" not in source and Path(source).is_file()
    except OSError:  # a long one-line query is not a valid file name
        return False


def read_query(source: str) -> str:
    """The query text: standard input for '-', a file when one exists by that name."""
    if source == "-":
        return sys.stdin.read()
    if source.endswith(".cypher") or _is_file(source):
        try:
            return Path(source).read_text(encoding="utf-8")
        except OSError as exc:
            raise BadUserInput(f"cannot read {source}: {exc.strerror}") from None
    return source


def bind_parameters(query: str, given: list[str]) -> dict[str, Any]:
    params = dict(parse_param(item) for item in given)
    for name in parameter_names(query):
        if name not in params:
            built_in = BUILT_IN_PARAMETERS.get(name)
            params[name] = built_in() if built_in else None
    return params


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def _columns(rows: list[dict[str, Any]]) -> list[str]:
    return list(dict.fromkeys(key for row in rows for key in row))


def render(rows: list[dict[str, Any]], output: OutputFormat) -> str | Table:
    columns = _columns(rows)
    if output is OutputFormat.json:
        return json.dumps(rows, ensure_ascii=False, indent=2)
    if output is OutputFormat.csv:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(columns)
        for row in rows:
            writer.writerow([_cell(row.get(c)) for c in columns])
        return buffer.getvalue().rstrip("\n")
    table = Table(caption=f"{len(rows)} row{'s' if len(rows) != 1 else ''}")
    for column in columns:
        numeric = all(isinstance(r.get(column), int | float | None) for r in rows)
        table.add_column(Text(column), justify="right" if numeric else "left", overflow="fold")
    for row in rows:
        # Text, not str: a post saying "[bold]" must print as written, not as markup.
        table.add_row(*(Text(_cell(row.get(c))) for c in columns))
    return table


def cypher(
    query: str = typer.Argument(
        ..., help="A Cypher query, a .cypher file (docs/cypher/), or - for standard input."
    ),
    param: list[str] = typer.Option(
        [],
        "--param",
        "-p",
        help="name=value, repeatable. Values are JSON when they parse (5, 0.5, true, null, "
        '[1, 2], "quoted") and text otherwise (t-0001).',
    ),
    output: OutputFormat = typer.Option(OutputFormat.table, "--format", "-f", help="Output."),
    timeout: float = typer.Option(60.0, min=1, max=3600, help="Seconds before giving up."),
) -> None:
    """Run a read-only Cypher query against the graph (write clauses are refused)."""
    try:
        text = read_query(query)
        check_read_only(text)
        params = bind_parameters(text, param)
    except BadUserInput as exc:
        err_console.print(f"[red]{escape(exc.message)}[/red]")
        raise typer.Exit(2) from None

    async def work(services: Services) -> list[dict[str, Any]]:
        reader = open_reader(services.settings, services.runtime.endpoint)
        if reader is None:
            # Neo4j without TEAMCREDIT_NEO4J_READER_USER: only the syntactic check, the READ
            # session and the rollback stand between this query and a write.
            err_console.print(
                "[yellow]warning:[/yellow] no read-only graph account is configured "
                "(TEAMCREDIT_NEO4J_READER_USER / _PASSWORD); see docs/security.md"
            )
            return await run_read_only(services.client, text, params, timeout=timeout)
        try:
            return await run_read_only(reader, text, params, timeout=timeout)
        finally:
            await reader.close()

    try:
        rows = with_services(work)
    except Neo4jError as exc:
        err_console.print(
            f"[red]The graph refused the query[/red] ({exc.code}): {escape(exc.message or '')}"
        )
        raise typer.Exit(1) from None
    result = render(rows, output)
    if isinstance(result, str):
        # Plain print: rich would wrap long CSV lines and read [brackets] as markup.
        print(result)
    elif not rows:
        err_console.print("no rows")
    else:
        console.print(result)
