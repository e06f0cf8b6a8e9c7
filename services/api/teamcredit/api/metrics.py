"""Prometheus metrics (prometheus-client), served at /metrics to keys with the ``metrics``
scope. See docs/operations.md."""

from __future__ import annotations

import time
from collections.abc import Iterator

from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest
from starlette.requests import Request
from starlette.responses import Response
from strawberry.extensions import SchemaExtension

from teamcredit.errors import GraphUnavailable

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


# Operation names our own clients send (the extension's analysis). A label value per
# client-chosen name let any caller grow /metrics without bound (one label set per name);
# every other name is counted as "other", an unnamed operation as "anonymous".
KNOWN_OPERATIONS = frozenset({"Analyze"})


def operation_label(name: str | None) -> str:
    if not name:
        return "anonymous"
    return name if name in KNOWN_OPERATIONS else "other"


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


async def metrics_endpoint(request: Request) -> Response:
    """The metrics, for a key with the ``metrics`` scope (a Prometheus bearer token)."""
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    principal = None
    if scheme.lower() == "bearer" and token.strip():
        try:
            principal = await request.app.state.services.keys.verify(token.strip())
        except GraphUnavailable:
            return Response("the graph is unreachable: this key cannot be checked\n", 503)
    if principal is None:
        return Response(
            "a key with the metrics scope is required (Authorization: Bearer <key>)\n",
            401,
            headers={"www-authenticate": "Bearer"},
        )
    if "metrics" not in principal.scopes:
        return Response("this key lacks the 'metrics' scope\n", 403)
    return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)
