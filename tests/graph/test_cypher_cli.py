"""`teamcredit cypher`: read-only ad hoc queries, refused writes, parameters, three formats."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import Result
from typer.testing import CliRunner

from teamcredit.cli import app
from teamcredit.cli.cypher_cmd import OutputFormat, read_query, render
from teamcredit.errors import BadUserInput
from teamcredit.graph.adhoc import (
    WriteRefused,
    blank_literals,
    check_read_only,
    find_write,
    parameter_names,
    parse_param,
    run_read_only,
)
from teamcredit.services.container import Services
from teamcredit.settings import Settings
from tests.conftest import REPO

runner = CliRunner()

REFUSED = [
    ("CREATE (n:Person {id: 'x'})", "CREATE"),
    ("match (n) detach delete n", "DETACH"),
    ("MATCH (n:Person) SET n.name = 'x'", "SET"),
    ("MATCH (n:Person) REMOVE n.handle", "REMOVE"),
    ("MERGE (n:Team {id: 't'})", "MERGE"),
    ("DROP INDEX person_handle", "DROP"),
    ("LOAD  CSV FROM 'file:///etc/passwd' AS line RETURN line", "LOAD CSV"),
    ("MATCH (n) WITH n CALL { WITH n DELETE n } RETURN 1", "DELETE"),
    ("CALL dbms.security.createUser('eve', 'pw', false)", "procedure dbms.security.createUser"),
    ("CALL apoc.create.node(['X'], {})", "procedure apoc.create.node"),
    ("CALL db.createLabel('X')", "procedure db.createLabel"),
    ("ALTER USER neo4j SET PASSWORD 'x'", "ALTER USER"),
    ("TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "TERMINATE TRANSACTIONS"),
    ("MATCH (n) RETURN n; MATCH (m) DETACH DELETE m", "a second statement"),
]
ALLOWED = [
    "MATCH (n:Post) WHERE n.text CONTAINS 'CREATE a team; DELETE it' RETURN n.id",
    'MATCH (n:Post) WHERE n.text = "we set it up" RETURN n.id',
    "// DELETE everything? No.\nMATCH (n) RETURN count(n) /* SET nothing */",
    "MATCH (n) RETURN n.set AS set_value, {delete: 1} AS m, n.created AS c",
    "MATCH (n:`CREATE`)-[:`MERGE`]->(m) RETURN m",
    "MATCH (t:Team) CALL (t) { MATCH (t)<-[:MEMBER_OF]-(p) RETURN count(p) AS n } RETURN t, n",
    "CALL db.labels() YIELD label RETURN label",
    "MATCH (n:Person) RETURN n.id;\n",
    "MATCH (p:Person) WHERE p.startedAt > $since RETURN startNode(null)",
]


@pytest.mark.parametrize(("query", "what"), REFUSED)
def test_write_clauses_are_refused(query: str, what: str) -> None:
    refusal = find_write(query)
    assert refusal is not None and refusal.what.startswith(what), (query, refusal)
    with pytest.raises(WriteRefused, match="nothing was sent to the database"):
        check_read_only(query)


@pytest.mark.parametrize("query", ALLOWED)
def test_reads_are_allowed(query: str) -> None:
    assert find_write(query) is None


def test_refusal_says_where() -> None:
    refusal = find_write("MATCH (n:Person)\nWHERE n.id = 'p-1'\n  SET n.name = 'x'")
    assert refusal is not None and (refusal.line, refusal.column) == (3, 3)


def test_blanking_keeps_offsets() -> None:
    query = "RETURN 'a\\'b' AS x, `we``ird` AS y // tail\n, 1"
    blanked = blank_literals(query)
    assert len(blanked) == len(query) and blanked.count("\n") == 1
    assert "a" not in blanked[7:14] and "tail" not in blanked


def test_parameters_are_json_ish() -> None:
    assert parse_param("top=5") == ("top", 5)
    assert parse_param("share=0.5") == ("share", 0.5)
    assert parse_param("on=true") == ("on", True)
    assert parse_param("since=null") == ("since", None)
    assert parse_param("ids=[1, 2]") == ("ids", [1, 2])
    assert parse_param('m={"a": 1}') == ("m", {"a": 1})
    assert parse_param('name="5"') == ("name", "5")
    assert parse_param("$team=t-0001") == ("team", "t-0001")
    assert parse_param("code=007") == ("code", "007")
    assert parse_param("x=NaN") == ("x", "NaN")
    assert parse_param("text=a=b") == ("text", "a=b")
    with pytest.raises(BadUserInput):
        parse_param("no-equals-sign")


def test_query_text_file_or_long_one_liner(tmp_path: Path) -> None:
    path = tmp_path / "q.cypher"
    path.write_text("RETURN 1 AS one", encoding="utf-8")
    assert read_query(str(path)) == "RETURN 1 AS one"
    long_query = "RETURN 1 AS " + "x" * 300  # too long for a file name: still a query
    assert read_query(long_query) == long_query


def test_table_prints_values_as_written() -> None:
    from rich.console import Console

    table = render([{"[b]col": "[/] [bold]not markup", "n": 3, "l": [1, "a"]}], OutputFormat.table)
    out = io.StringIO()
    Console(file=out, width=120).print(table)
    printed = out.getvalue()
    assert "[/] [bold]not markup" in printed and "[b]col" in printed
    assert '[1, "a"]' in printed and "1 row" in printed


def test_parameter_names_ignore_strings() -> None:
    query = "MATCH (n) WHERE n.id = $id AND n.text <> '$notme' RETURN n LIMIT coalesce($top, 10)"
    assert parameter_names(query) == ["id", "top"]


async def test_a_refused_query_never_reaches_the_database(services: Services) -> None:
    sent: list[str] = []

    def listener(query: str, _seconds: float, _ok: bool) -> None:
        sent.append(query)

    services.client.add_listener(listener)
    try:
        with pytest.raises(WriteRefused):
            await run_read_only(services.client, "MATCH (n) DETACH DELETE n")
        rows = await run_read_only(
            services.client, "RETURN $x AS x, datetime('2025-01-02T03:04:05Z') AS d", {"x": [1]}
        )
    finally:
        services.client.remove_listener(listener)
    assert len(sent) == 1  # only the read went out
    assert rows[0]["x"] == [1] and rows[0]["d"].startswith("2025-01-02T03:04:05")


def _env(settings: Settings, tmp_path: Path) -> dict[str, str]:
    return {
        "TEAMCREDIT_NEO4J_URI": settings.neo4j_uri or "",
        "TEAMCREDIT_NEO4J_USER": settings.neo4j_user,
        "TEAMCREDIT_NEO4J_PASSWORD": settings.neo4j_password or "",
        "TEAMCREDIT_DATA_DIR": str(tmp_path),
        "TEAMCREDIT_GRAPH_TIMEOUT": "10",
        "COLUMNS": "200",
    }


async def cli(settings: Settings, tmp_path: Path, *args: str) -> Result:
    # In a thread: the command runs its own event loop (asyncio.run), as from a shell.
    return await asyncio.to_thread(
        runner.invoke, app, ["cypher", *args], env=_env(settings, tmp_path)
    )


@pytest.fixture
async def two_teams(clean: Services) -> Services:
    await clean.client.write(
        "CREATE (:Team {id: 't-1', name: 'Platform'}), (:Team {id: 't-2', name: 'Données, \"Data\"'})"
    )
    return clean


async def test_table_csv_and_json(two_teams: Services, settings: Settings, tmp_path: Path) -> None:
    query = "MATCH (t:Team) WHERE t.id IN $ids RETURN t.id AS id, t.name AS name ORDER BY id"
    table = await cli(settings, tmp_path, query, "--param", 'ids=["t-1", "t-2"]')
    assert table.exit_code == 0, table.output
    assert "Platform" in table.output and "2 rows" in table.output
    as_csv = await cli(settings, tmp_path, query, "-p", 'ids=["t-2"]', "--format", "csv")
    assert as_csv.exit_code == 0, as_csv.output
    assert list(csv.reader(io.StringIO(as_csv.stdout))) == [
        ["id", "name"],
        ["t-2", 'Données, "Data"'],
    ]
    as_json = await cli(settings, tmp_path, query, "-p", 'ids=["t-1"]', "-f", "json")
    assert json.loads(as_json.stdout) == [{"id": "t-1", "name": "Platform"}]


async def test_cookbook_file_with_defaults(
    two_teams: Services, settings: Settings, tmp_path: Path
) -> None:
    path = REPO / "docs" / "cypher" / "05-framing-by-country.cypher"  # uses $hofstede
    result = await cli(settings, tmp_path, str(path), "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []  # no posts in this graph; the query still runs
    query_file = tmp_path / "mine.cypher"
    query_file.write_text("RETURN coalesce($top, 10) AS top;\n", encoding="utf-8")
    result = await cli(settings, tmp_path, str(query_file), "-f", "json")
    assert json.loads(result.stdout) == [{"top": 10}]


async def test_refused_before_the_graph_is_opened(tmp_path: Path, settings: Settings) -> None:
    unreachable = settings.model_copy(update={"neo4j_uri": "bolt://127.0.0.1:9"})
    result = await cli(unreachable, tmp_path, "MATCH (n) DETACH DELETE n")
    assert result.exit_code == 2
    assert "refused: DETACH at line 1, column 11" in " ".join(result.output.split())


async def test_bad_cypher_is_a_clean_error(
    clean: Services, settings: Settings, tmp_path: Path
) -> None:
    result = await cli(settings, tmp_path, "MATCH (n RETURN n")
    assert result.exit_code == 1
    assert "The graph refused the query" in result.output
    missing = await cli(settings, tmp_path, "docs/cypher/nope.cypher")
    assert missing.exit_code == 2 and "cannot read" in missing.output
