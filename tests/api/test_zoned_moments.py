"""Every way a moment comes in (import document, CSV, GraphQL argument, generator) is zoned UTC.

Neo4j keeps a zone-less value as a LOCAL DATETIME that compares as null with the zoned ones
(``datetime()``, ``createdAt``): posts silently drop out of ``since`` filters. ArcadeDB drops
zones altogether, so the end-to-end test here shows the other half of the bug: an offset
that is not converted to UTC shifts the moment.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import httpx
import pytest

from teamcredit.api.schema import UTC_DATETIME
from teamcredit.generator.emit import iso
from teamcredit.models import parse_utc, to_utc
from teamcredit.services.container import Services
from teamcredit.services.csv_import import load_csv_folder
from teamcredit.services.document import parse_document
from teamcredit.services.importer import Importer
from teamcredit.settings import Settings
from tests.conftest import wipe_graph
from tests.support.api import asgi_client, gql

# The same three ways of writing a moment everywhere below.
DATE_ONLY = "2025-03-01"  # midnight UTC
ZONELESS = "2025-03-01T10:00:00"  # read as UTC
OFFSET = "2025-03-01T12:30:00+02:00"  # 10:30 UTC
EXPECTED = {
    DATE_ONLY: datetime(2025, 3, 1, tzinfo=UTC),
    ZONELESS: datetime(2025, 3, 1, 10, tzinfo=UTC),
    OFFSET: datetime(2025, 3, 1, 10, 30, tzinfo=UTC),
}


def is_utc(value: datetime | None) -> bool:
    return value is not None and value.tzinfo is not None and value.utcoffset() == timedelta(0)


@pytest.mark.parametrize("text", list(EXPECTED))
def test_parse_utc(text: str) -> None:
    moment = parse_utc(text)
    assert moment == EXPECTED[text] and is_utc(moment)
    assert to_utc(moment.date()) == datetime(2025, 3, 1, tzinfo=UTC)


def test_the_import_document_zones_every_moment() -> None:
    doc = parse_document(
        {
            "people": [{"id": "p-1", "name": "Ada"}],
            "teams": [{"id": "t-1", "name": "T"}],
            "projects": [{"id": "x-1", "name": "X", "startedAt": DATE_ONLY, "endedAt": OFFSET}],
            "memberships": [{"personId": "p-1", "teamId": "t-1", "since": ZONELESS}],
            "posts": [
                {"id": f"post-{i}", "authorId": "p-1", "text": "We shipped", "publishedAt": t}
                for i, t in enumerate(EXPECTED)
            ],
        }
    )
    assert [p.publishedAt for p in doc.posts] == list(EXPECTED.values())
    assert all(is_utc(p.publishedAt) for p in doc.posts)
    assert is_utc(doc.projects[0].startedAt) and doc.projects[0].endedAt == EXPECTED[OFFSET]
    assert is_utc(doc.memberships[0].since) and doc.memberships[0].since == EXPECTED[ZONELESS]


def test_csv_moments_are_zoned(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("id,name\np-1,Ada\n")
    (tmp_path / "teams.csv").write_text("id,name\nt-1,T\n")
    (tmp_path / "memberships.csv").write_text(
        f"personId,teamId,since\np-1,t-1,{DATE_ONLY}\np-1,t-1,{OFFSET}\n"
    )
    doc = load_csv_folder(tmp_path)
    assert [m.since for m in doc.memberships] == [EXPECTED[DATE_ONLY], EXPECTED[OFFSET]]
    assert all(is_utc(m.since) for m in doc.memberships)


@pytest.mark.parametrize("text", list(EXPECTED))
def test_graphql_datetime_arguments_are_zoned(text: str) -> None:
    moment = UTC_DATETIME.parse_value(text)  # type: ignore[misc]
    assert moment == EXPECTED[text] and is_utc(moment)
    # Out, too: a naive value is UTC and says so.
    assert UTC_DATETIME.serialize(datetime(2025, 3, 1, 10)) == "2025-03-01T10:00:00+00:00"  # type: ignore[misc]


def test_the_generator_writes_utc() -> None:
    paris = timezone(timedelta(hours=1))
    assert iso(datetime(2025, 3, 1, 11, 0, tzinfo=paris)) == "2025-03-01T10:00:00Z"
    assert iso(datetime(2025, 3, 1, 10, 0)) == "2025-03-01T10:00:00Z"


@pytest.fixture
async def api(
    settings: Settings, services: Services, full_key: str
) -> AsyncIterator[httpx.AsyncClient]:
    await wipe_graph(services)
    async with asgi_client(settings, full_key) as client:
        yield client


REPORT = "query($since: DateTime) { recognitionReport(since: $since) { stats { posts } } }"


async def test_since_filters_see_every_form_end_to_end(
    api: httpx.AsyncClient, services: Services
) -> None:
    # Posts imported at midnight, 10:00 and 10:30 UTC, each written one of the three ways.
    doc = parse_document(
        {
            "people": [{"id": "p-1", "name": "Ada"}],
            "posts": [
                {"id": f"post-{i}", "authorId": "p-1", "text": "We shipped", "publishedAt": t}
                for i, t in enumerate(EXPECTED)
            ],
        }
    )
    await Importer(services.client).run(doc)

    async def posts_since(since: str) -> int:
        body = await gql(api, REPORT, {"since": since})
        return int(body["data"]["recognitionReport"]["stats"]["posts"])

    assert await posts_since(DATE_ONLY) == 3
    assert await posts_since("2025-03-01T10:00:00Z") == 2
    # 12:15+02:00 is 10:15 UTC: only the 10:30 post.
    assert await posts_since("2025-03-01T12:15:00+02:00") == 1
    assert await posts_since("2025-03-01T10:15:00") == 1
    assert await posts_since("2025-03-02") == 0
