"""Issue 15, finding 1: `teamcredit cypher` cannot write, by construction and by syntax.

The reproduction: a `//` comment ended by a carriage return hid the write from the old
keyword scan, and the embedded graph committed it (and schema commands) in spite of the
READ transaction's rollback.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from neo4j.exceptions import Neo4jError
from typer.testing import CliRunner

from teamcredit.cli import app
from teamcredit.graph.adhoc import WriteRefused, check_read_only, find_write
from teamcredit.graph.client import GraphClient
from teamcredit.services.container import Services
from teamcredit.settings import Settings

runner = CliRunner()

WRITES = [
    "MATCH (k:ApiKey) CALL { WITH k SET k.pwned = 1 } IN TRANSACTIONS RETURN 1",
    "CALL { CREATE (:Pwned {id: 'x'}) } IN TRANSACTIONS",
    "CREATE INDEX pwned_idx IF NOT EXISTS FOR (n:Team) ON (n.pwned)",
    "CREATE CONSTRAINT pwned_c IF NOT EXISTS FOR (n:Pwned) REQUIRE n.id IS UNIQUE",
    "MATCH (k:ApiKey) DETACH DELETE k",
]
# Every way a line ends, for Cypher or for Unicode; a comment must not swallow what follows.
TERMINATORS = ["\r", "\n", "\r\n", "\u2028", "\u2029", "\x85", "\x0b", "\x0c"]


@pytest.mark.parametrize("terminator", TERMINATORS, ids=repr)
@pytest.mark.parametrize("write", WRITES)
def test_a_comment_cannot_hide_a_write(terminator: str, write: str) -> None:
    query = f"// x{terminator}{write}"
    assert find_write(query) is not None, query
    with pytest.raises(WriteRefused):
        check_read_only(query)


@pytest.mark.parametrize(
    "query",
    [
        "MATCH (n) CALL { WITH n RETURN n.id AS i } IN TRANSACTIONS RETURN i",  # IN TRANSACTIONS
        "MATCH (n) CALL (n) { RETURN 1 AS o } IN 2 CONCURRENT TRANSACTIONS RETURN o",
        "MATCH (n) FOREACH (x IN [1] | SET n.y = x)",
        "CALL `db`.`createLabel`('X')",
        "MATCH (n) RETURN n /* unterminated comment",
        "RETURN 'unterminated string",
        "MATCH (n) RETURN n;\u2028DROP INDEX x",
        "CREATE\u3000(n)",  # ideographic space separates words too
        "USE system SHOW USERS",
    ],
)
def test_more_writes_and_malformed_text_are_refused(query: str) -> None:
    assert find_write(query) is not None, query


def _env(settings: Settings, tmp_path: Path) -> dict[str, str]:
    return {
        "TEAMCREDIT_NEO4J_URI": settings.neo4j_uri or "",
        "TEAMCREDIT_NEO4J_USER": settings.neo4j_user,
        "TEAMCREDIT_NEO4J_PASSWORD": settings.neo4j_password or "",
        "TEAMCREDIT_NEO4J_READER_USER": settings.neo4j_reader_user or "",
        "TEAMCREDIT_NEO4J_READER_PASSWORD": settings.neo4j_reader_password or "",
        "TEAMCREDIT_DATA_DIR": str(tmp_path),
        "TEAMCREDIT_GRAPH_TIMEOUT": "10",
    }


async def _state(services: Services) -> tuple[int, int, int, int]:
    rows = await services.client.read(
        "OPTIONAL MATCH (k:ApiKey) WITH count(k) AS keys, sum(coalesce(k.pwned, 0)) AS pwned "
        "OPTIONAL MATCH (p:Pwned) WITH keys, pwned, count(p) AS extra "
        "OPTIONAL MATCH (t:Team) WHERE t.pwned IS NOT NULL "
        "RETURN keys, pwned, extra, count(t) AS teams"
    )
    row = rows[0]
    return row["keys"], row["pwned"], row["extra"], row["teams"]


async def test_the_reproduction_through_the_cli_writes_nothing(
    services: Services, settings: Settings, full_key: str, tmp_path: Path
) -> None:
    before = await _state(services)
    assert before[0] >= 1  # the key fixture's key is there to be deleted
    for write in WRITES:
        result = await asyncio.to_thread(
            runner.invoke, app, ["cypher", f"// x\r{write}"], env=_env(settings, tmp_path)
        )
        assert result.exit_code != 0, (write, result.output)
    assert await _state(services) == before


async def test_the_reader_account_itself_cannot_write(
    services: Services, settings: Settings
) -> None:
    """The first lock alone: the statement bypasses the syntactic check and still fails."""
    assert settings.neo4j_reader_user and settings.neo4j_reader_password
    reader = GraphClient(
        settings.neo4j_uri or "",
        settings.neo4j_reader_user,
        settings.neo4j_reader_password,
        "neo4j",
        timeout=10,
    )
    before = await _state(services)
    try:
        assert (await reader.read_rolled_back("MATCH (k:ApiKey) RETURN count(k) AS n"))[0]["n"] >= 1
        for write in WRITES:
            with pytest.raises(Neo4jError):
                await reader.read_rolled_back(write)  # type: ignore[arg-type]
            with pytest.raises(Neo4jError):
                await reader.write(write)  # type: ignore[arg-type]
    finally:
        await reader.close()
    assert await _state(services) == before
