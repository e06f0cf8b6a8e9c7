"""Import an organisation document: validate everything, then write in ``UNWIND`` batches.

Order matters (teams need organisations, memberships need people and teams), and every
batch is idempotent, so an import interrupted half-way is finished by running it again.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.matcher import ProjectMatcher, ProjectTerms
from teamcredit.graph.bulk import BulkWriter, WriteCounts
from teamcredit.graph.client import GraphClient
from teamcredit.graph.dashboard import DashboardRepository
from teamcredit.graph.records import post_properties
from teamcredit.models import Post
from teamcredit.services.document import (
    DocumentError,
    ImportDocument,
    PersonDoc,
    missing_references,
)
from teamcredit.services.identity import post_id, text_hash
from teamcredit.services.ingest import framed

T = TypeVar("T")
Progress = Callable[[str, int, int], None]  # (stage, rows done in this call, stage total)

STAGES = (
    "organizations",
    "teams",
    "people",
    "projects",
    "memberships",
    "contributions",
    "posts",
)


@dataclass
class ImportSummary:
    counts: dict[str, WriteCounts] = field(default_factory=dict)

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {
            k: {"created": v.created, "updated": v.updated, "unchanged": v.unchanged}
            for k, v in self.counts.items()
        }

    @property
    def changed(self) -> int:
        return sum(c.created + c.updated for c in self.counts.values())


def _batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _fingerprint(row: dict[str, Any]) -> str:
    canonical = json.dumps(row, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:24]


def _hashed(row: dict[str, Any]) -> dict[str, Any]:
    row["hash"] = _fingerprint(row)
    return row


def _person_row(person: PersonDoc) -> dict[str, Any]:
    row = person.model_dump()
    if not row["aliases"]:
        # Left out of the fingerprint when empty, so the people imported before aliases
        # existed still read as unchanged (their stored property is null, read as none).
        del row["aliases"]
    return _hashed(row)


def post_rows(doc: ImportDocument, matcher: ProjectMatcher) -> list[dict[str, Any]]:
    """Posts as rows, with their framing computed and their projects matched (pure work)."""
    rows = []
    for post in doc.posts:
        framing = analyze_framing(post.text, post.language)
        hashed = text_hash(post.text)
        about = (
            post.about
            if post.about is not None
            else list(dict.fromkeys(m.project_id for m in matcher.match(post.text)))
        )
        # Stored like a post through the API: ingest.framed decides the framing's fields,
        # records.post_properties their names (the fingerprint's keys are unchanged by it).
        stored = framed(
            Post(
                id=post.id or post_id(post.urn, post.authorId, hashed),
                text=post.text,
                author_id=post.authorId,
                urn=post.urn,
                url=post.url,
                language=framing.language,
                published_at=post.publishedAt,
                text_hash=hashed,
            ),
            framing,
        )
        rows.append(
            _hashed(
                {
                    **post_properties(stored),
                    "mentions": list(dict.fromkeys(post.mentions)),
                    "about": about,
                    "credits": list(dict.fromkeys(post.credits)),
                }
            )
        )
    return rows


class Importer:
    def __init__(self, client: GraphClient, batch_size: int = 1000) -> None:
        self._client = client
        self._bulk = BulkWriter(client)
        self.batch_size = batch_size

    async def check_references(self, doc: ImportDocument) -> None:
        """References the document does not satisfy must already be in the graph."""
        problems: list[tuple[str, str]] = []
        for label, refs in missing_references(doc).items():
            found = await self._bulk.existing_ids(label, list(refs))
            for ref, paths in refs.items():
                if ref not in found:
                    problems.extend((p, f"unknown {label.lower()} id {ref!r}") for p in paths)
        if problems:
            raise DocumentError(sorted(problems))

    async def run(
        self,
        doc: ImportDocument,
        matcher_terms: Sequence[ProjectTerms] = (),
        progress: Progress | None = None,
    ) -> ImportSummary:
        await self.check_references(doc)
        note = progress or (lambda _stage, _n, _total: None)
        summary = ImportSummary()

        async def nodes(stage: str, label: str, rows: list[dict[str, Any]]) -> None:
            counts = WriteCounts()
            note(stage, 0, len(rows))
            for batch in _batches(rows, self.batch_size):
                counts.add(await self._bulk.write_nodes(label, batch))
                note(stage, len(batch), len(rows))
            summary.counts[stage] = counts

        async def edges(
            stage: str, rel: str, rows: list[dict[str, Any]], compare: Sequence[str]
        ) -> None:
            counts = WriteCounts()
            note(stage, 0, len(rows))
            for batch in _batches(rows, self.batch_size):
                counts.add(await self._bulk.write_edges(rel, batch, compare))
                note(stage, len(batch), len(rows))
            summary.counts[stage] = counts

        await nodes(
            "organizations", "Organization", [_hashed(o.model_dump()) for o in doc.organizations]
        )
        await nodes("teams", "Team", [_hashed(t.model_dump()) for t in doc.teams])
        await nodes("people", "Person", [_person_row(p) for p in doc.people])
        await nodes("projects", "Project", [_hashed(p.model_dump()) for p in doc.projects])
        await edges(
            "memberships",
            "MEMBER_OF",
            [{**m.model_dump(), "key": f"{m.personId}|{m.teamId}"} for m in doc.memberships],
            ("role", "since"),
        )
        await edges(
            "contributions",
            "CONTRIBUTED_TO",
            [{**c.model_dump(), "key": f"{c.personId}|{c.projectId}"} for c in doc.contributions],
            ("role", "weight"),
        )
        terms = list(matcher_terms) + [
            ProjectTerms(p.id, p.name, tuple(p.aliases), tuple(p.keywords)) for p in doc.projects
        ]
        await nodes("posts", "Post", post_rows(doc, ProjectMatcher(terms)))
        if summary.changed:
            # Dashboards in other processes read the organisation's version (services/dashboard.py).
            await DashboardRepository(self._client).bump_version()
        return summary
