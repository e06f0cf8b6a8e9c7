"""Store a post with its framing, its mentions and the projects it is about."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.models import FramingAnalysis
from teamcredit.graph.people import PersonRepository
from teamcredit.graph.posts import PostRepository
from teamcredit.models import Person, Post
from teamcredit.services.identity import post_id, text_hash
from teamcredit.services.project_index import ProjectIndex
from teamcredit.services.requests import PostRequest


async def resolve_author(people: PersonRepository, req: PostRequest) -> Person | None:
    """``authorId``, else the normalised ``authorHandle``, else nobody (not an error)."""
    if req.author_id:
        return (await people.get_many([req.author_id])).get(req.author_id)
    if req.author_handle:
        return (await people.by_handles([req.author_handle])).get(req.author_handle)
    return None


def framed(post: Post, framing: FramingAnalysis) -> Post:
    """`post` with the framing it is stored with: the verdict, its score and confidence to
    four places, and whether the clients show it (docs/graph-model.md, Framing on posts)."""
    return replace(
        post,
        orientation=framing.orientation.value,
        framing_score=round(framing.score, 4),
        framing_confidence=round(framing.confidence, 4),
        mixed_signals=framing.mixed_signals,
    )


class IngestService:
    def __init__(
        self,
        people: PersonRepository,
        posts: PostRepository,
        index: ProjectIndex,
        on_written: Callable[[str], None] = lambda _post_id: None,
    ) -> None:
        self._people = people
        self._posts = posts
        self._index = index
        # Told each post written (the dashboard adds it to its figures: services/dashboard.py).
        self._on_written = on_written

    async def ingest(self, req: PostRequest) -> Post:
        author = await resolve_author(self._people, req)
        handles = [m.handle for m in req.mentions if m.handle]
        mentioned = await self._people.by_handles(handles) if handles else {}
        framing = analyze_framing(req.text, req.language, [m.name for m in req.mentions])
        matcher = await self._index.matcher()
        about = list(dict.fromkeys(m.project_id for m in matcher.match(req.text)))
        hashed = text_hash(req.text)
        author_key = author.id if author else (req.author_handle or req.author_name)
        post = framed(
            Post(
                id=post_id(req.urn, author_key, hashed),
                text=req.text,
                author_id=author.id if author else None,
                urn=req.urn,
                url=req.url,
                language=framing.language,
                text_hash=hashed,
            ),
            framing,
        )
        mention_ids = [p.id for p in mentioned.values() if not author or p.id != author.id]
        stored = await self._posts.upsert(post, mention_ids, about)
        self._on_written(stored.id)
        return stored
