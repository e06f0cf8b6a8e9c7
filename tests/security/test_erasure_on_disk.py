"""Issue 15, finding 5: after erasePerson, nothing of the person remains in the graph's files.

The reproduction: the write-ahead logs and the unique-index files still held the id,
handle, name, headline and the erased post's text. Deleting records zeroes them in the
buckets; the WAL keeps the bytes until a clean stop, and the indexes keep deleted keys
until they are rebuilt: `teamcredit compact-graph` closes that window (docs/security.md).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from teamcredit.settings import Settings
from tests.support.api import asgi_client, gql
from tests.support.graph_server import GraphServer

PERSON = {
    "id": "p-erase-zq81",
    "name": "Zoltanus Quixerase",
    "handle": "zoltan-qx-erase",
    "headline": "Headline-Quixerase",
}
POST_TEXT = "PostText-Quixerase: I shipped the Quixerase migration"
NEEDLES = [PERSON["id"], PERSON["handle"], PERSON["name"], PERSON["headline"], "Quixerase"]


def _found(data_dir: Path) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in data_dir.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits = [n for n in NEEDLES if n.encode() in data or n.encode("utf-16-le") in data]
            if hits:
                found[str(path.relative_to(data_dir))] = hits
    return found


async def test_nothing_of_an_erased_person_stays_on_disk(
    settings: Settings, tmp_path: Path
) -> None:
    graph = GraphServer(tmp_path / "graph")
    graph.start()
    own = settings.model_copy(
        update={
            "neo4j_uri": graph.uri,
            "neo4j_password": graph.password,
            "data_dir": tmp_path / "api",
        }
    )
    try:
        async with asgi_client(own) as api:
            services = api.app.state.services  # type: ignore[attr-defined]
            key = (await services.keys.create("eraser", ("read", "write", "admin"))).secret
            for i in range(20):  # neighbours, so pages hold more than this one person
                await gql(
                    api,
                    "mutation($i: PersonInput!) { upsertPerson(input: $i) { id } }",
                    {"i": {"id": f"p-other-{i}", "name": f"Other {i}", "handle": f"other-{i}"}},
                    key=key,
                )
            await gql(
                api,
                "mutation($i: PersonInput!) { upsertPerson(input: $i) { id } }",
                {"i": PERSON},
                key=key,
            )
            await gql(
                api,
                "mutation($i: PostInput!) { ingestPost(input: $i) { id } }",
                {"i": {"text": POST_TEXT, "authorId": PERSON["id"], "urn": "urn:li:qx:1"}},
                key=key,
            )
            assert _found(graph.data_dir)  # the test can see the person on disk at all
            body = await gql(api, f'mutation {{ erasePerson(id: "{PERSON["id"]}") }}', key=key)
            assert body["data"]["erasePerson"] is True
    finally:
        graph.stop()
    env = {**os.environ, "TEAMCREDIT_DATA_DIR": str(graph.data_dir)}
    env.pop("TEAMCREDIT_NEO4J_URI", None)
    done = subprocess.run(
        [sys.executable, "-m", "teamcredit.cli", "compact-graph"],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert _found(graph.data_dir) == {}
    # The graph still works afterwards, with its indexes and constraints rebuilt.
    graph.start()
    try:
        from teamcredit.graph.client import GraphClient

        client = GraphClient(graph.uri, "root", graph.password, "neo4j", timeout=30)
        try:
            rows = await client.read("MATCH (p:Person) RETURN count(p) AS n")
            assert rows[0]["n"] == 20
            indexes = await client.read("SHOW INDEXES YIELD name RETURN collect(name) AS names")
            assert indexes and indexes[0]["names"], indexes
        finally:
            await client.close()
    finally:
        graph.stop()
