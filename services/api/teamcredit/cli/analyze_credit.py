"""Credit suggestions for `teamcredit analyze`, from the graph when one is configured.

"Configured" means TEAMCREDIT_NEO4J_URI is set or an embedded graph is already running for
DATA_DIR; the command never starts a graph just to analyse text. The graph is opened on
the first post that needs it, on a private event loop, and reused for the whole stream.
"""

from __future__ import annotations

import asyncio
import atexit
import threading
from collections.abc import Mapping
from typing import Any

from teamcredit.analysis.models import FramingAnalysis
from teamcredit.cli.analyze import CreditResult, PostInputError
from teamcredit.errors import TeamCreditError
from teamcredit.graph.embedded import read_running
from teamcredit.services.analysis import PostAnalysisResult
from teamcredit.services.container import Services
from teamcredit.services.requests import make_post_request
from teamcredit.services.runtime import open_graph
from teamcredit.settings import Settings, load_settings


def _person(p: Any) -> dict[str, Any]:
    return {"id": p.id, "name": p.name, "handle": p.handle}


def to_credit_result(r: PostAnalysisResult) -> CreditResult:
    return CreditResult(
        credit=[
            {
                "person": _person(c.person),
                "team": {"id": c.team_id} if c.team_id else None,
                "project": {"id": c.project_id} if c.project_id else None,
                "reason": c.reason.value,
                "evidence": c.evidence,
                "score": c.score,
            }
            for c in r.credit
        ],
        suggested_phrasing=r.suggested_phrasing,
        author=_person(r.author) if r.author else None,
        author_country=r.author.country if r.author else None,
        degraded=r.degraded,
    )


class GraphCreditProvider:
    def __init__(self, settings: Settings | None = None) -> None:
        self._settings = settings
        self._loop: asyncio.AbstractEventLoop | None = None
        self._services: Services | None = None
        self._unavailable = False

    def _configured(self, settings: Settings) -> bool:
        return settings.neo4j_uri is not None or read_running(settings.data_dir) is not None

    def _open(self) -> Services | None:
        if self._services is not None or self._unavailable:
            return self._services
        settings = self._settings or load_settings()
        if not self._configured(settings):
            self._unavailable = True
            return None
        loop = asyncio.new_event_loop()
        threading.Thread(target=loop.run_forever, name="analyze-graph", daemon=True).start()
        runtime = asyncio.run_coroutine_threadsafe(open_graph(settings), loop).result()
        self._loop, self._services = loop, Services.build(settings, runtime)
        atexit.register(self.close)
        return self._services

    def close(self) -> None:
        if self._loop is not None and self._services is not None:
            closing = self._services.runtime.close()
            asyncio.run_coroutine_threadsafe(closing, self._loop).result(timeout=30)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._services = None

    def __call__(self, post: Mapping[str, Any], framing: FramingAnalysis) -> CreditResult:
        services = self._open()
        if services is None or self._loop is None:
            return CreditResult()
        try:
            req = make_post_request(
                text=post["text"],
                author_id=post.get("authorId"),
                author_handle=post.get("authorHandle"),
                author_name=post.get("authorName"),
                mentions=[(m["name"], m.get("handle")) for m in post.get("mentions") or []],
                urn=post.get("urn"),
                url=post.get("url"),
                language=post.get("language") or framing.language,
                reader_country=post.get("readerCountry"),
                ui_language=post.get("uiLanguage"),
            )
        except TeamCreditError as exc:
            raise PostInputError(exc.message) from None
        future = asyncio.run_coroutine_threadsafe(services.analysis.analyze(req), self._loop)
        return to_credit_result(future.result())
