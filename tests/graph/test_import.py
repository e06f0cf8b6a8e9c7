"""Importing organisation documents into the real graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from teamcredit.services.container import Services
from teamcredit.services.document import DocumentError, load_document, parse_document
from teamcredit.services.importer import Importer
from tests.conftest import DEMO
from tests.support.cypher import COUNT_LABEL


async def counts(services: Services) -> dict[str, int]:
    return {label: int((await services.client.read(q))[0]["c"]) for label, q in COUNT_LABEL.items()}


async def test_demo_import_is_idempotent(clean: Services) -> None:
    doc = load_document(DEMO)
    first = await Importer(clean.client, batch_size=7).run(doc)
    assert first.counts["people"].created == len(doc.people)
    assert first.counts["posts"].created == len(doc.posts)
    before = await counts(clean)
    assert before["Person"] == 30 and before["Team"] == 5 and before["Post"] == 40
    second = await Importer(clean.client, batch_size=7).run(doc)
    assert second.changed == 0
    assert second.counts["posts"].unchanged == 40
    assert await counts(clean) == before


async def test_import_matches_projects_and_keeps_mentions(clean: Services) -> None:
    await Importer(clean.client).run(load_document(DEMO))
    rows = await clean.client.read(
        "MATCH (p:Post {id: 'post-demo-01'})-[:ABOUT]->(x:Project) RETURN collect(x.id) AS ids"
    )
    assert rows[0]["ids"] == ["pr-atlas"]
    rows = await clean.client.read(
        "MATCH (p:Post {id: 'post-demo-15'})-[:MENTIONS]->(x:Person) RETURN x.id AS id ORDER BY id"
    )
    assert [r["id"] for r in rows] == ["p-diego-santos", "p-sam-taylor"]


def test_malformed_document_reports_json_paths() -> None:
    raw = {
        "people": [{"id": "p-1", "name": ""}, {"id": "p-1", "name": "Twice"}],
        "teams": [{"id": "t 1", "name": "x" * 10_000}],
        "posts": [{"authorId": "p-1", "text": "x" * 3001}],
    }
    with pytest.raises(DocumentError) as info:
        parse_document(raw)
    paths = {p for p, _ in info.value.problems}
    assert "$.people[0].name" in paths
    assert "$.teams[0].id" in paths and "$.teams[0].name" in paths
    assert "$.posts[0].text" in paths


async def test_dangling_reference_writes_nothing(clean: Services, tmp_path: Path) -> None:
    doc_path = tmp_path / "org.json"
    doc_path.write_text(
        json.dumps(
            {
                "people": [{"id": "p-1", "name": "Ada"}],
                "memberships": [{"personId": "p-1", "teamId": "t-ghost"}],
            }
        )
    )
    with pytest.raises(DocumentError) as info:
        await Importer(clean.client).run(load_document(doc_path))
    assert info.value.problems == [("$.memberships[0].teamId", "unknown team id 't-ghost'")]
    assert (await counts(clean))["Person"] == 0


def test_not_json_is_a_document_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json")
    with pytest.raises(DocumentError) as info:
        load_document(path)
    assert info.value.problems[0][0] == "$"
