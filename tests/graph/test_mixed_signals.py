"""The framing's confidence and mixed-signals flag on Post nodes, against the real graph: both
write paths store them, recognition figures count mixed signals apart from the orientations,
the dashboard's facts carry only shown verdicts, and posts stored before the flag was kept
read without it, count as not judged and are judged by `reframe_posts`."""

from __future__ import annotations

import asyncio

import pytest
from typer.testing import CliRunner

from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.matcher import ProjectMatcher
from teamcredit.cli import app
from teamcredit.models import Person
from teamcredit.services.container import Services
from teamcredit.services.document import parse_document
from teamcredit.services.importer import Importer, post_rows
from teamcredit.services.reframe import reframe_posts
from teamcredit.services.requests import make_post_request
from teamcredit.settings import Settings
from tests.support.api import env_for

SURE = "I built the new parser myself, proud of my work."  # INDIVIDUAL, confident
MIXED = "Launch today."  # too little to judge: mixed signals

FLAGS = """
MATCH (n:Post) RETURN n.id AS id, n.orientation AS orientation,
       n.framingConfidence AS confidence, n.mixedSignals AS mixed ORDER BY id
"""
# A post as stored before this change: an orientation and a score, no confidence, no flag.
LEGACY = """
MATCH (a:Person {id: $authorId})
CREATE (a)-[:AUTHORED]->(:Post {id: $id, text: $text, language: 'en', orientation: 'BALANCED',
                                framingScore: 0.0, createdAt: datetime()})
"""


@pytest.fixture(autouse=True)
def _texts_read_as_expected() -> None:
    """The two texts must stay what the tests say they are (a refitted model could move
    them): otherwise every test here would pass or fail for the wrong reason."""
    sure, mixed = analyze_framing(SURE, "en"), analyze_framing(MIXED, "en")
    assert (sure.orientation.value, sure.mixed_signals) == ("INDIVIDUAL", False)
    assert mixed.mixed_signals is True


async def _author(services: Services) -> None:
    await services.people.upsert(Person(id="p-ada", name="Ada Lovelace"))


async def _flags(services: Services) -> dict[str, tuple[str, float | None, bool | None]]:
    rows = await services.client.read(FLAGS)
    return {r["id"]: (r["orientation"], r["confidence"], r["mixed"]) for r in rows}


async def test_ingest_stores_the_confidence_and_the_flag(clean: Services) -> None:
    await _author(clean)
    sure = await clean.ingest.ingest(make_post_request(SURE, author_id="p-ada", language="en"))
    mixed = await clean.ingest.ingest(make_post_request(MIXED, author_id="p-ada", language="en"))
    expected = analyze_framing(MIXED, "en")
    assert (sure.mixed_signals, mixed.mixed_signals) == (False, True)
    assert mixed.framing_confidence == pytest.approx(expected.confidence, abs=1e-4)
    stored = await _flags(clean)
    assert stored[sure.id][1:] == (
        pytest.approx(analyze_framing(SURE, "en").confidence, abs=1e-4),
        False,
    )
    assert stored[mixed.id][2] is True
    # Read back through the repository: the same values.
    again = await clean.posts.get_many([mixed.id])
    assert again[mixed.id].mixed_signals is True
    assert again[mixed.id].framing_confidence == mixed.framing_confidence


async def test_import_stores_the_confidence_and_the_flag(clean: Services) -> None:
    doc = parse_document(
        {
            "people": [{"id": "p-ada", "name": "Ada Lovelace"}],
            "posts": [
                {"id": "post-sure", "authorId": "p-ada", "text": SURE, "language": "en"},
                {"id": "post-mixed", "authorId": "p-ada", "text": MIXED, "language": "en"},
            ],
        }
    )
    await Importer(clean.client).run(doc)
    stored = await _flags(clean)
    assert stored["post-sure"][0] == "INDIVIDUAL" and stored["post-sure"][2] is False
    assert stored["post-mixed"][2] is True
    assert stored["post-mixed"][1] == pytest.approx(
        analyze_framing(MIXED, "en").confidence, abs=1e-4
    )


FRAMING = """
MATCH (n:Post) RETURN n.id AS id, n.text AS text, n.language AS language, n.textHash AS hash,
       n.orientation AS orientation, n.framingScore AS score,
       n.framingConfidence AS confidence, n.mixedSignals AS mixed
"""


async def test_import_and_ingest_store_a_framing_alike(clean: Services) -> None:
    """One rule (services.ingest.framed) turns a framing into stored fields: the same text
    through ingestPost's path and through an import is stored with the same ones."""
    await _author(clean)
    texts = (SURE, MIXED, "We shipped Atlas together; thanks to the whole team for it.")
    for n, text in enumerate(texts):
        await clean.ingest.ingest(make_post_request(text, author_id="p-ada", urn=f"u:{n}"))
    posts = [{"id": f"imported-{n}", "authorId": "p-ada", "text": t} for n, t in enumerate(texts)]
    await Importer(clean.client).run(parse_document({"posts": posts}))
    stored: dict[str, list[tuple[object, ...]]] = {}
    for r in await clean.client.read(FRAMING):
        fields = (r["language"], r["hash"], r["orientation"], r["score"], r["confidence"])
        stored.setdefault(r["text"], []).append((*fields, r["mixed"]))
    assert set(stored) == set(texts)
    for text, (ingested, imported) in stored.items():
        assert ingested == imported, text
        framing = analyze_framing(text)
        assert ingested[2:] == (
            framing.orientation.value,
            round(framing.score, 4),
            round(framing.confidence, 4),
            framing.mixed_signals,
        )


def test_import_rows_keep_their_fingerprinted_fields() -> None:
    """A post row's keys are what its stored importHash was computed over: another key would
    make every re-import after an upgrade rewrite every post."""
    doc = parse_document({"posts": [{"id": "x", "authorId": "p-ada", "text": SURE}]})
    (row,) = post_rows(doc, ProjectMatcher([]))
    assert set(row) == {
        *("id", "authorId", "urn", "url", "text", "textHash", "language", "publishedAt"),
        *("orientation", "framingScore", "framingConfidence", "mixedSignals"),
        *("mentions", "about", "credits", "hash"),
    }


async def test_recognition_counts_mixed_signals_apart(clean: Services) -> None:
    await _author(clean)
    for text in (SURE, MIXED, MIXED + " Finally."):
        await clean.ingest.ingest(make_post_request(text, author_id="p-ada", language="en"))
    await clean.client.write(LEGACY, {"authorId": "p-ada", "id": "post-old", "text": MIXED})
    mixed = sum(analyze_framing(t, "en").mixed_signals for t in (MIXED, MIXED + " Finally."))
    counts = await clean.recognition.repo.overall(None)
    assert counts.posts == 4
    assert counts.individual == 1  # the confident post only
    assert counts.mixed_signals == mixed
    # The legacy post is in the posts, in no orientation and not as mixed signals: apart.
    assert counts.individual + counts.balanced + counts.collective + counts.mixed_signals == 3
    assert counts.not_judged == 1
    by_person = await clean.recognition.repo.for_people(["p-ada"], None)
    assert by_person["p-ada"] == counts


async def test_dashboard_facts_carry_only_shown_verdicts(clean: Services) -> None:
    await _author(clean)
    sure = await clean.ingest.ingest(make_post_request(SURE, author_id="p-ada", language="en"))
    mixed = await clean.ingest.ingest(make_post_request(MIXED, author_id="p-ada", language="en"))
    await clean.client.write(LEGACY, {"authorId": "p-ada", "id": "post-old", "text": SURE})
    facts = {p.id: p for p in (await clean.dashboard.repo.facts()).posts}
    assert (facts[sure.id].orientation, facts[sure.id].mixed_signals) == ("INDIVIDUAL", False)
    assert (facts[mixed.id].orientation, facts[mixed.id].mixed_signals) == (None, True)
    assert (facts["post-old"].orientation, facts["post-old"].mixed_signals) == (None, None)
    # The few-posts read (posts written through this process) says the same.
    some = await clean.dashboard.repo.post_facts([mixed.id, "post-old"])
    assert some == {mixed.id: facts[mixed.id], "post-old": facts["post-old"]}


async def test_legacy_posts_read_and_are_judged_by_reframe(clean: Services) -> None:
    await _author(clean)
    await clean.client.write(LEGACY, {"authorId": "p-ada", "id": "post-old-sure", "text": SURE})
    await clean.client.write(LEGACY, {"authorId": "p-ada", "id": "post-old-mixed", "text": MIXED})
    await clean.ingest.ingest(make_post_request(SURE, author_id="p-ada", language="en", urn="u:1"))
    old = await clean.posts.get_many(["post-old-sure"])
    assert (old["post-old-sure"].mixed_signals, old["post-old-sure"].framing_confidence) == (
        None,
        None,
    )
    version = await clean.dashboard.repo.version()
    before = await clean.recognition.repo.overall(None)
    assert (before.posts, before.not_judged, before.mixed_signals) == (3, 2, 0)

    assert await reframe_posts(clean.posts, clean.dashboard.repo, batch_size=1) == 2
    stored = await _flags(clean)
    assert stored["post-old-sure"][0] == "INDIVIDUAL" and stored["post-old-sure"][2] is False
    assert stored["post-old-mixed"][2] is True
    assert all(conf is not None for _, conf, _ in stored.values())
    # Other processes' dashboards see the change; a second run has nothing left to do.
    assert await clean.dashboard.repo.version() == version + 1
    assert await reframe_posts(clean.posts, clean.dashboard.repo) == 0
    counts = await clean.recognition.repo.overall(None)
    assert (counts.posts, counts.individual, counts.mixed_signals, counts.not_judged) == (
        3,
        2,
        1,
        0,
    )


async def test_the_reframe_command(clean: Services, settings: Settings) -> None:
    await _author(clean)
    await clean.client.write(LEGACY, {"authorId": "p-ada", "id": "post-old", "text": MIXED})
    env = {**env_for(settings), "COLUMNS": "200"}
    # In a thread: the command runs its own event loop (asyncio.run), as from a shell.
    first = await asyncio.to_thread(CliRunner().invoke, app, ["reframe"], env=env)
    assert first.exit_code == 0, first.output
    assert "1 post judged again from the stored text" in first.output
    assert (await _flags(clean))["post-old"][2] is True
    again = await asyncio.to_thread(CliRunner().invoke, app, ["reframe"], env=env)
    assert again.exit_code == 0 and "already" in again.output
