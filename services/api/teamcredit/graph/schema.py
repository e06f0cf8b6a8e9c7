"""Idempotent schema set-up: one uniqueness constraint per node key, and lookup indexes.

The same statements run on Neo4j 5.23+ and on the embedded ArcadeDB (checked by the graph tests
and by Neo4j's own front end, tests/graph/test_neo4j_frontend.py).
"""

from __future__ import annotations

from typing import LiteralString

from teamcredit.graph.client import GraphClient

STATEMENTS: tuple[LiteralString, ...] = (
    "CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT team_id IF NOT EXISTS FOR (n:Team) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT country_iso2 IF NOT EXISTS FOR (n:Country) REQUIRE n.iso2 IS UNIQUE",
    "CREATE CONSTRAINT apikey_id IF NOT EXISTS FOR (n:ApiKey) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (n:Meta) REQUIRE n.id IS UNIQUE",
    "CREATE INDEX person_handle IF NOT EXISTS FOR (n:Person) ON (n.handle)",
    "CREATE INDEX post_urn IF NOT EXISTS FOR (n:Post) ON (n.urn)",
    "CREATE INDEX post_text_hash IF NOT EXISTS FOR (n:Post) ON (n.textHash)",
)


async def apply_schema(client: GraphClient) -> None:
    # Schema statements cannot share a transaction with each other on Neo4j.
    for statement in STATEMENTS:
        await client.write(statement, timeout=30.0)
