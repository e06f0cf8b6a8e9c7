"""The analysis service for `teamcredit analyze`, with the graph when one is configured.

"Configured" means TEAMCREDIT_NEO4J_URI is set or an embedded graph is already running for
DATA_DIR; the command never starts a graph just to analyse text. Without one, the service
runs graph-free (framing and culture). The graph is opened on the first post, on a private
event loop, and reused for the whole stream.
"""

from __future__ import annotations

import asyncio
import atexit
import threading

from teamcredit.graph.embedded import read_running
from teamcredit.services.analysis import AnalysisService, PostAnalysisResult
from teamcredit.services.container import Services
from teamcredit.services.requests import PostRequest
from teamcredit.services.runtime import open_graph
from teamcredit.settings import Settings, load_settings


def analyse_without_graph(req: PostRequest) -> PostAnalysisResult:
    return asyncio.run(AnalysisService().analyze(req))


class ServiceAnalyser:
    def __init__(self, settings: Settings | None = None) -> None:
        self._settings = settings
        self._loop: asyncio.AbstractEventLoop | None = None
        self._services: Services | None = None
        self._no_graph = False

    def _configured(self, settings: Settings) -> bool:
        return settings.neo4j_uri is not None or read_running(settings.data_dir) is not None

    def _open(self) -> Services | None:
        if self._services is not None or self._no_graph:
            return self._services
        settings = self._settings or load_settings()
        if not self._configured(settings):
            self._no_graph = True
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

    def __call__(self, req: PostRequest) -> PostAnalysisResult:
        services = self._open()
        if services is None or self._loop is None:
            return analyse_without_graph(req)
        future = asyncio.run_coroutine_threadsafe(services.analysis.analyze(req), self._loop)
        return future.result()
