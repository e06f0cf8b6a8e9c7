"""Every statement TeamCredit can send, through Neo4j's own Cypher front end (as Cypher 5).

The other graph tests run on the embedded ArcadeDB, which accepts Cypher that Neo4j refuses
(a query that ends with ``CALL (...) { ... }``, a removed procedure, a deprecated form). The
npm package ``@neo4j-cypher/language-support`` (pinned in tests/cypher-lint) is Neo4j's Java
front end compiled to JavaScript and runs offline; ``lint.mjs`` calls its
``lintCypherQuery`` with the project's labels and relationship types and Neo4j's built-in
functions and procedures. Any diagnostic (error, deprecation, unknown label, type, function
or procedure) fails.

Statements are collected by driving every public method of every repository against a
recording client, so statements built by concatenation are linted as sent; a second check
makes sure every Cypher constant in ``graph/`` shows up in what was recorded. The cookbook
(docs/cypher/*.cypher) and the Cypher in the docs are linted too.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import re
import subprocess
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

from teamcredit.errors import NotFound
from teamcredit.graph import (
    adhoc,
    bulk,
    credit,
    dashboard,
    keys,
    nodes,
    organizations,
    people,
    posts,
    projects,
    recognition,
    schema,
    teams,
)
from teamcredit.models import Organization, Person, Post, Project, Team

REPO = Path(__file__).resolve().parents[2]
LINT_DIR = REPO / "tests/cypher-lint"
NODE = LINT_DIR / "node_modules/.bin/node"
GRAPH_MODULES: tuple[ModuleType, ...] = (
    dashboard,
    adhoc,
    bulk,
    credit,
    keys,
    nodes,
    organizations,
    people,
    posts,
    projects,
    recognition,
    schema,
    teams,
)
# The graph model (docs/graph-model.md): anything else is a typo Neo4j would only warn about.
LABELS = ("Organization", "Team", "Person", "Project", "Post", "Country", "ApiKey", "Meta")
REL_TYPES = (
    "PART_OF",
    "MEMBER_OF",
    "OWNS",
    "CONTRIBUTED_TO",
    "AUTHORED",
    "MENTIONS",
    "ABOUT",
    "CREDITS",
    "BASED_IN",
)


def lint(statements: Mapping[str, str]) -> dict[str, list[dict[str, Any]]]:
    """Diagnostics per statement id, from Neo4j's front end."""
    return front_end(statements)[0]


def front_end(statements: Mapping[str, str]) -> tuple[dict[str, list[dict[str, Any]]], set[str]]:
    """Diagnostics per statement id, and the names of Neo4j's built-in procedures."""
    assert NODE.exists(), "tests/cypher-lint is not installed: run `make install-ext`"
    payload = {
        "labels": list(LABELS),
        "relationshipTypes": list(REL_TYPES),
        "statements": [{"id": k, "text": v} for k, v in statements.items()],
    }
    done = subprocess.run(
        [str(NODE), "lint.mjs"],
        cwd=LINT_DIR,
        input=json.dumps(payload).encode(),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()
    out = json.loads(done.stdout)
    return {r["id"]: r["diagnostics"] for r in out["results"]}, set(out["procedures"])


def report(found: Mapping[str, list[dict[str, Any]]], texts: Mapping[str, str]) -> str:
    lines = []
    for sid, diagnostics in found.items():
        for d in diagnostics:
            lines.append(f"{sid} {d['line']}:{d['column']} {d['severity']}: {d['message']}")
        if diagnostics:
            lines.append("    " + texts[sid].strip().replace("\n", "\n    "))
    return "\n".join(lines)


# --- the test of the test ------------------------------------------------------------------

KNOWN_GOOD = {
    "match": "MATCH (n:Post {id: $id}) RETURN n {.*} AS n",
    "scoped-call": (
        "MATCH (n:Post) CALL (n) { MATCH (n)-[:MENTIONS]->(m:Person) RETURN count(m) AS c } "
        "RETURN n.id, c"
    ),
    "count-subquery": "MATCH (t:Team) RETURN COUNT { (t)<-[:MEMBER_OF]-(:Person) } AS n",
    "zoned-compare": "MATCH (n:Post) WHERE n.publishedAt >= datetime($since) RETURN count(n)",
    "show-indexes": "SHOW INDEXES",
    "procedure": "CALL db.labels() YIELD label RETURN label",
    "unit-call-last": (
        "UNWIND $rows AS row MERGE (n:Post {id: row.id}) WITH n, row "
        "CALL (n, row) { UNWIND row.ids AS x MATCH (p:Person {id: x}) MERGE (n)-[:CREDITS]->(p) }"
    ),
}
KNOWN_BAD = {
    # Today's post writer (issue 16): a returning subquery cannot end a query on Neo4j.
    "ends-with-call": (
        "UNWIND $rows AS row MERGE (n:Post {id: row.id}) WITH n, row "
        "CALL (n, row) { UNWIND row.ids AS x MATCH (p:Person {id: x}) MERGE (n)-[:CREDITS]->(p) "
        "RETURN count(*) AS c }"
    ),
    "removed-procedure": "CALL db.indexes()",
    "removed-procedure-2": "CALL db.constraints()",
    "unknown-function": "MATCH (n:Post) RETURN apoc.coll.sum([1, 2]) AS s",
    "deprecated-call": "MATCH (n:Post) CALL { WITH n RETURN n.id AS x } RETURN x",
    "syntax": "MATCH (n:Post RETURN n",
    "unknown-label": "MATCH (n:Pots) RETURN n",
    "unknown-type": "MATCH (:Person)-[:CREDIT]->(p) RETURN p",
    "undefined-variable": "MATCH (n:Post) RETURN m",
    "type-error": "RETURN 1 + true AS x",
}


def test_the_front_end_accepts_known_good_and_refuses_known_bad() -> None:
    """The linter swallows its own exceptions (then it reports nothing): prove it reports."""
    found = lint({**KNOWN_GOOD, **KNOWN_BAD})
    clean = {k: v for k, v in found.items() if k in KNOWN_GOOD and v}
    assert not clean, report(clean, KNOWN_GOOD)
    missed = [k for k in KNOWN_BAD if not found[k]]
    assert not missed, f"the front end accepted known-bad statements: {missed}"
    assert "cannot conclude with CALL" in found["ends-with-call"][0]["message"]


# --- every statement the graph layer can send ------------------------------------------------


class RecordingClient:
    """Stands in for GraphClient: records each statement, answers with canned rows."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.answers: dict[str, list[dict[str, Any]]] = {}

    async def read(self, query: str, params: Any = None, timeout: Any = None) -> list[Any]:
        self.sent.append(query)
        return self.answers.get(query, [])

    write = read
    read_rolled_back = read


WHEN = datetime(2025, 3, 1, tzinfo=UTC)


def _existing(label: str) -> Callable[[Any], Any]:
    return lambda r: r.existing_ids(label, ["i"])


def _nodes(label: str) -> Callable[[Any], Any]:
    return lambda r: r.write_nodes(label, [{"id": "i", "hash": "h"}])


def _edges(rel: str) -> Callable[[Any], Any]:
    return lambda r: r.write_edges(rel, [{"key": "k"}], ["role"])


def drivers() -> dict[type, dict[str, list[Callable[[Any], Any]]]]:
    """Each public method of each repository, with arguments reaching each of its statements."""
    post = Post(id="p1", text="We shipped Atlas", author_id="a", published_at=WHEN)
    return {
        organizations.OrganizationRepository: {
            "upsert": [lambda r: r.upsert(Organization(id="o", name="O"))],
            "get_many": [lambda r: r.get_many(["o"])],
            "page": [lambda r: r.page(10, None)],
        },
        teams.TeamRepository: {
            "upsert": [lambda r: r.upsert(Team(id="t", name="T", organization_id="o"))],
            "get_many": [lambda r: r.get_many(["t"])],
            "by_organization": [lambda r: r.by_organization(["o"])],
            "page": [lambda r: r.page(10, None)],
            "members": [lambda r: r.members(["t"])],
            "add_membership": [lambda r: r.add_membership("a", "t", "lead", WHEN)],
            "remove_membership": [lambda r: r.remove_membership("a", "t")],
        },
        people.PersonRepository: {
            "upsert": [lambda r: r.upsert(Person(id="a", name="A", country="FR"))],
            "get_many": [lambda r: r.get_many(["a"])],
            "by_handles": [lambda r: r.by_handles(["a"])],
            "page": [lambda r: r.page("al", 10, None)],
            "memberships": [lambda r: r.memberships(["a"])],
            "contributions": [lambda r: r.contributions(["a"])],
            "erase": [lambda r: r.erase("a")],
        },
        projects.ProjectRepository: {
            "upsert": [lambda r: r.upsert(Project(id="x", name="X", started_at=WHEN))],
            "version": [lambda r: r.version()],
            "get_many": [lambda r: r.get_many(["x"])],
            "by_team": [lambda r: r.by_team(["t"])],
            "all": [lambda r: r.all()],
            "contributors": [lambda r: r.contributors(["x"])],
            "add_contribution": [lambda r: r.add_contribution("a", "x", "dev", 0.5)],
            "remove_contribution": [lambda r: r.remove_contribution("a", "x")],
        },
        posts.PostRepository: {
            "upsert": [lambda r: r.upsert(post, ["b"], ["x"])],
            "get_many": [lambda r: r.get_many(["p1"])],
            "by_urn": [lambda r: r.by_urn("urn:li:activity:1")],
            "page": [
                lambda r: r.page(10, None, author_id="a"),
                lambda r: r.page(10, None, team_id="t"),
                lambda r: r.page(10, None),
            ],
            "links": [lambda r: r.links(["p1"])],
            "accept_credit": [lambda r: r.accept_credit("p1", "b")],
            "unjudged": [lambda r: r.unjudged(500)],
            "set_framing": [lambda r: r.set_framing([post])],
        },
        credit.CreditRepository: {
            "candidates": [lambda r: r.candidates(["a"], ["al"], ["bo"], ["x"])],
        },
        recognition.RecognitionRepository: {
            "for_people": [lambda r: r.for_people(["a"], WHEN)],
            "for_teams": [lambda r: r.for_teams(["t"], WHEN)],
            "overall": [lambda r: r.overall(None)],
            "uncredited": [lambda r: r.uncredited("t", WHEN), lambda r: r.uncredited(None, None)],
            "team_size": [lambda r: r.team_size("t")],
        },
        nodes.NodeRepository: {"label_of": [lambda r: r.label_of("x")]},
        dashboard.DashboardRepository: {
            "facts": [lambda r: r.facts()],
            "post_facts": [lambda r: r.post_facts(["p1"])],
            "version": [lambda r: r.version()],
            "bump_version": [lambda r: r.bump_version()],
        },
        keys.ApiKeyRepository: {
            "create": [lambda r: r.create("k", "laptop", "salt", "hash", ["read"])],
            "get": [lambda r: r.get("k")],
            "list": [lambda r: r.list()],
            "revoke": [lambda r: r.revoke("k")],
        },
        bulk.BulkWriter: {
            "existing_ids": [_existing(x) for x in ("Organization", "Team", "Person", "Project")],
            "write_nodes": [_nodes(label) for label in bulk.NODE_LABELS],
            "write_edges": [_edges(rel) for rel in bulk.EDGE_TYPES],
        },
    }


def public_methods(cls: type) -> set[str]:
    return {
        name
        for name, value in vars(cls).items()
        if not name.startswith("_") and inspect.iscoroutinefunction(value)
    }


async def drive_everything() -> list[str]:
    client = RecordingClient()
    for cls, methods in drivers().items():
        assert set(methods) == public_methods(cls), f"{cls.__name__}: drive every method"
        repo = cls(client)
        for calls in methods.values():
            for call in calls:
                # An empty answer may raise: the statement was recorded all the same.
                with contextlib.suppress(NotFound, IndexError, KeyError):
                    await call(repo)
    await schema.apply_schema(client)  # type: ignore[arg-type]
    return client.sent


_CYPHER_WORD = re.compile(r"\b(MATCH|MERGE|CREATE|RETURN|UNWIND|CALL|DELETE)\b")


def cypher_constants() -> dict[str, str]:
    """Every string constant in graph/ that holds Cypher, by module and name."""
    out: dict[str, str] = {}
    for module in GRAPH_MODULES:
        for name, value in vars(module).items():
            if name.startswith("__"):
                continue
            values: list[tuple[str, Any]] = [(name, value)]
            if isinstance(value, dict):
                values = [(f"{name}[{k}]", v) for k, v in value.items()]
            elif isinstance(value, tuple):
                values = [(f"{name}[{i}]", v) for i, v in enumerate(value)]
            for key, v in values:
                if isinstance(v, tuple):  # posts._PAGES: (count, page) pairs
                    values.extend((f"{key}[{i}]", x) for i, x in enumerate(v))
                elif isinstance(v, str) and _CYPHER_WORD.search(v) and not v.startswith("^"):
                    out[f"{module.__name__.rsplit('.', 1)[1]}.{key}"] = v
    return out


def test_every_statement_the_graph_layer_sends_is_valid_neo4j_cypher() -> None:
    sent = asyncio.run(drive_everything())
    statements = {f"sent[{i}]": q for i, q in enumerate(dict.fromkeys(sent))}
    # Every Cypher constant reaches the wire through some method driven above.
    unsent = [
        name
        for name, text in cypher_constants().items()
        if not any(text.strip() in q for q in statements.values())
    ]
    assert not unsent, f"Cypher in graph/ that no driven method sent: {unsent}"
    found = lint(statements)
    bad = {k: v for k, v in found.items() if v}
    assert not bad, report(bad, statements)


# --- the analysts' Cypher ----------------------------------------------------------------------


def doc_statements() -> dict[str, str]:
    out = {p.name: p.read_text() for p in sorted((REPO / "docs/cypher").glob("*.cypher"))}
    assert len(out) >= 10
    for doc in [*sorted((REPO / "docs").glob("*.md")), REPO / "README.md"]:
        text = doc.read_text()
        for i, block in enumerate(re.findall(r"```cypher\n(.*?)```", text, re.S)):
            out[f"{doc.name}#cypher{i}"] = block
        # One-liners given to the CLI: teamcredit cypher "MATCH ..."
        for i, query in enumerate(re.findall(r'teamcredit cypher "([^"]+)"', text)):
            out[f"{doc.name}#cli{i}"] = query
    return out


def test_the_cookbook_and_the_docs_are_valid_neo4j_cypher() -> None:
    statements = doc_statements()
    assert any("#cypher" in k for k in statements), "the docs' Cypher blocks were not found"
    found = lint(statements)
    bad = {k: v for k, v in found.items() if v}
    assert not bad, report(bad, statements)


def test_the_analysts_allowed_procedures_exist_on_neo4j() -> None:
    # The allow-list is kept lower case (the check folds case); Neo4j's names are camel case.
    _, procedures = front_end({})
    assert "db.labels" in procedures
    known = {p.lower() for p in procedures}
    assert sorted(adhoc.READ_PROCEDURES - known) == []
