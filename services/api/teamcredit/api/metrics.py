"""Prometheus metrics (prometheus-client), served at /metrics. See docs/operations.md."""

from __future__ import annotations

import time
from collections.abc import Iterator

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

_LATENCY_BUCKETS = (0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)

GRAPHQL_REQUESTS = Counter(
    "teamcredit_graphql_requests_total",
    "GraphQL operations executed, by operation name and outcome.",
    ["operation", "outcome"],
)
GRAPHQL_LATENCY = Histogram(
    "teamcredit_graphql_request_seconds",
    "GraphQL operation latency, by operation name.",
    ["operation"],
    buckets=_LATENCY_BUCKETS,
)
GRAPH_ROUND_TRIPS = Counter(
    "teamcredit_graph_round_trips_total",
    "Cypher statements sent to the graph, by outcome.",
    ["outcome"],
)
GRAPH_LATENCY = Histogram(
    "teamcredit_graph_round_trip_seconds",
    "Latency of one Cypher statement.",
    buckets=_LATENCY_BUCKETS,
)
DEGRADED = Counter(
    "teamcredit_degraded_answers_total", "Analyses answered without the graph (degraded: true)."
)
RATE_LIMITED = Counter("teamcredit_rate_limited_total", "Requests refused with RATE_LIMITED.")
EMBEDDED_GRAPH_UP = Gauge(
    "teamcredit_embedded_graph_up", "1 when the embedded graph child process is running."
)
ANALYSER_COMPILED = Gauge(
    "teamcredit_analyser_compiled",
    "1 when the framing analyser runs compiled by mypyc, 0 when interpreted (slower).",
)


def observe_graph(_query: str, seconds: float, ok: bool) -> None:
    GRAPH_ROUND_TRIPS.labels("ok" if ok else "error").inc()
    GRAPH_LATENCY.observe(seconds)


def operation_label(name: str | None) -> str:
    # Client-chosen names are unbounded: keep the label set small and safe.
    if not name or len(name) > 64 or not name.replace("_", "").isalnum():
        return "anonymous"
    return name


class GraphQLMetrics(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        yield
        ctx = self.execution_context
        operation = operation_label(ctx.operation_name)
        result = ctx.result
        outcome = "error" if result is not None and result.errors else "ok"
        GRAPHQL_REQUESTS.labels(operation, outcome).inc()
        GRAPHQL_LATENCY.labels(operation).observe(time.perf_counter() - started)


async def metrics_endpoint(_request: Request) -> Response:
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
