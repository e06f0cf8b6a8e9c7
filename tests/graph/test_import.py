"""Importing organisation documents into the real graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from teamcredit.services.container import Services
from teamcredit.services.document import DocumentError, load_document, parse_document
from teamcredit.services.importer import Importer
from teamcredit.services.requests import make_post_request
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


# A person stored in kanji, with the other names an HR export carries for them.
ALIASED = {
    "people": [
        {"id": "p-aoi", "name": "Aoi Kobayashi", "handle": "aoi-kobayashi"},
        {
            "id": "p-kenta",
            "name": "田中 健太",
            "aliases": ["Kenta Tanaka", " タナカ ケンタ ", "田中 健太", "kenta  tanaka"],
        },
        {"id": "p-yuki", "name": "Yuki Sato"},
        {"id": "p-mei", "name": "Mei Watanabe"},
    ],
    "projects": [{"id": "pr-hikari", "name": "Hikari Gateway", "aliases": ["Hikari"]}],
    "contributions": [
        {"personId": pid, "projectId": "pr-hikari"}
        for pid in ("p-aoi", "p-kenta", "p-yuki", "p-mei")
    ],
}


async def test_an_alias_goes_through_import_and_the_candidate_query(clean: Services) -> None:
    doc = parse_document(ALIASED)
    # Trimmed, and the repeats of the name or of another alias dropped.
    assert doc.people[1].aliases == ["Kenta Tanaka", "タナカ ケンタ"]
    await Importer(clean.client).run(doc)
    clean.project_changed()
    stored = await clean.people.get_many(["p-kenta", "p-yuki"])
    assert stored["p-kenta"].aliases == ("Kenta Tanaka", "タナカ ケンタ")
    assert stored["p-yuki"].aliases == ()  # none given: nothing stored, read as none

    # The post that showed the bug (the eval's eval-07): "Kenta" credits 田中 健太.
    result = await clean.analysis.analyze(
        make_post_request(
            "Kudos to Kenta and Yuki — Hikari survived Black Friday without a single page.",
            author_handle="aoi-kobayashi",
            language="en",
        )
    )
    assert result.project_ids == ("pr-hikari",)
    assert result.people["p-kenta"].aliases == ("Kenta Tanaka", "タナカ ケンタ")
    assert set(result.already_credited) == {"p-kenta", "p-yuki"}
    assert [s.person_id for s in result.credit] == ["p-mei"]

    again = await Importer(clean.client).run(parse_document(ALIASED))
    assert again.changed == 0
    edited = {**ALIASED, "people": [*ALIASED["people"][:1], {"id": "p-kenta", "name": "田中 健太"}]}
    third = await Importer(clean.client).run(parse_document(edited))
    assert third.counts["people"].updated == 1
    assert (await clean.people.get_many(["p-kenta"]))["p-kenta"].aliases == ()


def test_aliases_are_validated_with_their_paths() -> None:
    raw = {
        "people": [
            {"id": "p-1", "name": "Ada", "aliases": [f"Ada {i}" for i in range(11)]},
            {"id": "p-2", "name": "Bob", "aliases": ["Bob N.", "  ", "x" * 201]},
            {"id": "p-3", "name": "Carla", "aliases": "Carla R."},
        ]
    }
    with pytest.raises(DocumentError) as info:
        parse_document(raw)
    problems = dict(info.value.problems)
    assert "at most 10" in problems["$.people[0].aliases"]
    assert "$.people[1].aliases[1]" in problems and "$.people[1].aliases[2]" in problems
    assert "list" in problems["$.people[2].aliases"]
