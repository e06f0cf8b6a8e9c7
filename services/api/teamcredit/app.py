"""The FastAPI application: GraphQL at /graphql, probes, metrics, and the graph's lifespan."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path

import structlog
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.routing import Route
from starlette.staticfiles import StaticFiles

from teamcredit import __version__
from teamcredit.analysis.framing import warm_up as warm_up_analyser
from teamcredit.analysis.scanner import compiled as analyser_compiled
from teamcredit.api.guard import GraphQLGuard
from teamcredit.api.health import router as health_router
from teamcredit.api.lane import WorkLane
from teamcredit.api.metrics import (
    ANALYSER_COMPILED,
    EMBEDDED_GRAPH_UP,
    metrics_endpoint,
    observe_graph,
)
from teamcredit.api.middleware import RequestIdMiddleware
from teamcredit.api.router import GRAPHIQL_DIR, TeamCreditGraphQL
from teamcredit.api.schema import build_schema
from teamcredit.logs import configure_logging
from teamcredit.services.container import Services
from teamcredit.services.runtime import open_graph
from teamcredit.services.shared import SharedState
from teamcredit.settings import Settings, load_settings

log = structlog.get_logger(__name__)


def dashboard_dir(settings: Settings) -> Path | None:
    """TEAMCREDIT_DASHBOARD_DIR, else the checkout's dashboard/dist when it has been built."""
    if settings.dashboard_dir is not None:
        return settings.dashboard_dir
    built = Path(__file__).resolve().parents[3] / "dashboard" / "dist"
    return built if (built / "index.html").is_file() else None


def create_app(settings: Settings | None = None, services: Services | None = None) -> FastAPI:
    """``services``: a graph the caller opened (and will close), its start-up work done
    (``teamcredit serve`` and ``demo``). Without it, the lifespan opens and closes the graph."""
    settings = settings or load_settings()
    configure_logging(settings.log_level, json=settings.json_logs)
    production = settings.env == "prod"
    # Rate-limit and work budgets, key revocations and the analysis cache: on Redis when
    # configured, shared by the replicas; in this process otherwise (services/shared.py).
    shared = services.shared if services is not None else SharedState(settings.redis_url)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        compiled = analyser_compiled()
        ANALYSER_COMPILED.set(1 if compiled else 0)
        if not compiled:
            log.warning("analysis.interpreted", see="docs/framing.md, Compiled modules")
        warm_up_analyser()
        runtime = (
            services.runtime
            if services is not None
            else await open_graph(settings, wait_for_schema=False)
        )
        runtime.client.add_listener(observe_graph)
        if runtime.embedded is not None:
            runtime.embedded.on_state_change(lambda up: EMBEDDED_GRAPH_UP.set(1 if up else 0))
            EMBEDDED_GRAPH_UP.set(1)
        if not runtime.schema_ready and not await runtime.ensure_schema():
            runtime.keep_trying_schema()
        app.state.services = services or Services.build(settings, runtime, shared)
        shared.start()
        log.info("shared_state", store="redis" if shared.configured else "process")
        app.state.budget = shared.work_budget(settings.cost_budget_per_minute)
        if settings.lane_workers > 0:
            app.state.lane = WorkLane(
                settings,
                runtime.endpoint,
                production,
                settings.lane_workers,
                on_start=partial(configure_logging, settings.log_level, json=settings.json_logs),
            )
            if settings.lane_warm:
                app.state.lane.warm_up()
        try:
            yield
        finally:
            if settings.lane_workers > 0:
                app.state.lane.close()
            await app.state.services.dashboard.stop()
            await shared.close()
            if services is None:
                await runtime.close()

    app = FastAPI(
        title="TeamCredit",
        version=__version__,
        lifespan=lifespan,
        docs_url=None if production else "/docs",
        redoc_url=None,
    )
    graphql = TeamCreditGraphQL(
        build_schema(production), graphql_ide=None if production else "graphiql"
    )
    # A Route over an ASGI app (not a function) hands it the raw request: no FastAPI layer.
    app.router.routes.append(Route("/graphql", graphql, include_in_schema=False))
    if not production:
        app.mount("/graphiql", StaticFiles(directory=GRAPHIQL_DIR, check_dir=False), "graphiql")
    app.include_router(health_router)
    # The recognition dashboard (dashboard/, built by `make demo`): static files that call
    # /graphql with a `report` key like any other client.
    dashboard = dashboard_dir(settings)
    if dashboard is not None:
        app.mount("/dashboard", StaticFiles(directory=dashboard, html=True), name="dashboard")
    app.add_route("/metrics", metrics_endpoint, include_in_schema=False)
    # Outermost last: request id, then CORS (preflights never need a key), then the guard.
    app.add_middleware(
        GraphQLGuard,
        limiter=shared.rate_limiter(settings.rate_limit_per_minute, settings.rate_limit_burst),
        max_body_bytes=settings.max_body_bytes,
        timeout=settings.request_timeout,
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_origin_regex=settings.cors_origin_regex,
        allow_credentials=True,
        allow_methods=["GET", "POST", "OPTIONS"],
        allow_headers=["authorization", "content-type", "x-request-id"],
        expose_headers=["x-request-id", "retry-after"],
    )
    app.add_middleware(RequestIdMiddleware)
    return app
