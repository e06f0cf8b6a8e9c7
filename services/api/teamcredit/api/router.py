"""The GraphQL endpoint: Strawberry's ASGI app, with every error given its ``extensions.code``.

Strawberry's plain ASGI app rather than its FastAPI router: the router runs FastAPI's
dependency injection and response wrapping on every request, which the endpoint does not use
(the context comes from what the guard middleware put in the request scope) and which cost
about a tenth of an ``analyzePost`` over HTTP.

Media types (GraphQL over HTTP): a client that asks for ``application/graphql-response+json``
gets it, with the status codes that go with it (400 and no ``data`` entry when the request
never reached execution: a parse, validation or variable coercion failure). A client that asks
for ``application/json``, or for nothing in particular, keeps the legacy media type (200 with
an ``errors`` array), as the specification requires until its watershed.
"""

from __future__ import annotations

import time
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from graphql import DocumentNode, GraphQLError, OperationType, get_operation_ast, parse
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse, GraphQLRequestData
from strawberry.types import ExecutionResult

from teamcredit.api.context import Context
from teamcredit.api.cost import request_cost
from teamcredit.api.errors import with_codes
from teamcredit.api.limits import LANE_COST, MAX_REQUEST_COST, MAX_TOKENS, PARSER_CACHE
from teamcredit.api.metrics import (
    GRAPHQL_LATENCY,
    GRAPHQL_REQUESTS,
    RATE_LIMITED,
    operation_label,
)
from teamcredit.errors import QueryTooComplex, RateLimited, TeamCreditError

_CACHED_QUERY_CHARS = 16_384  # longer documents are parsed each time, not kept as keys


def _parsed(query: str) -> DocumentNode | None:
    return _parsed_cached(query) if len(query) <= _CACHED_QUERY_CHARS else _parse(query)


def _parse(query: str) -> DocumentNode | None:
    try:
        return parse(query, max_tokens=MAX_TOKENS)
    except GraphQLError:
        return None  # the executor parses it again and reports the error


_parsed_cached = lru_cache(maxsize=PARSER_CACHE)(_parse)


class _Encoded(dict[str, Any]):
    """An answer the work lane already encoded: its text is sent as it is."""

    encoded: str = ""


def _refused(error: TeamCreditError) -> ExecutionResult:
    return ExecutionResult(data=None, errors=[GraphQLError(error.message, original_error=error)])


GRAPHQL_RESPONSE = "application/graphql-response+json"
# GraphiQL's page and files, copied from npm at install (services/graphiql/build.mjs) and
# served at /graphiql/ by the app: the page loads nothing from a CDN.
GRAPHIQL_DIR = Path(str(resources.files("teamcredit") / "data" / "graphiql"))
_GRAPHIQL_MISSING = """<!doctype html><html lang="en"><meta charset="utf-8"><title>GraphiQL</title>
<p>GraphiQL's files are not built. Run <code>make install-py</code> (it needs Node and npm),
then reload. The API itself answers at this URL with POST.</p></html>"""
_SUB_RESPONSE = "graphql_sub_response"


class _SubResponse(Response):
    """Strawberry's per-request response stub, carrying the negotiated media type."""

    graphql_response = False


def _quality(accept: str, media_type: str) -> float:
    """The q-value ``accept`` gives ``media_type`` exactly (0 when not listed)."""
    for part in accept.split(","):
        name, *params = (p.strip() for p in part.split(";"))
        if name.lower() != media_type:
            continue
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    return max(0.0, min(1.0, float(value)))
                except ValueError:
                    return 0.0
        return 1.0
    return 0.0


def wants_graphql_response(accept: str | None) -> bool:
    """True when the client prefers the spec's media type (a tie goes to it)."""
    if not accept:
        return False
    preferred = _quality(accept, GRAPHQL_RESPONSE)
    return preferred > 0 and preferred >= _quality(accept, "application/json")


def is_request_error(result: ExecutionResult) -> bool:
    """Execution never started: no data, and no error that sits at a field's path."""
    return (
        result.data is None
        and bool(result.errors)
        and all(not getattr(e, "path", None) for e in result.errors or ())
    )


class TeamCreditGraphQL(GraphQL[Context, None]):
    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket
    ) -> Context:
        state = request.scope.get("state", {})
        return Context(
            services=request.app.state.services,
            request_id=state.get("request_id", "-"),
            principal=state.get("principal"),
        )

    async def execute_single(
        self,
        request: Any,
        request_adapter: Any,
        sub_response: Any,
        context: Context,
        root_value: Any,
        request_data: GraphQLRequestData,
    ) -> ExecutionResult:
        """Cost first (refuse, or charge the key's budget), then run here or on the lane."""
        document = _parsed(request_data.query) if request_data.query else None
        if document is None:
            return await super().execute_single(
                request, request_adapter, sub_response, context, root_value, request_data
            )
        schema = self.schema._schema  # type: ignore[attr-defined]
        cost = request_cost(schema, document, request_data.operation_name, request_data.variables)
        if cost > MAX_REQUEST_COST:
            return _refused(
                QueryTooComplex(
                    f"this request would cost {cost} work units; one request may cost at most "
                    f"{MAX_REQUEST_COST} (fewer posts, shorter texts, fewer aliases or fields)",
                    cost=cost,
                    maxCost=MAX_REQUEST_COST,
                )
            )
        principal = context.principal
        app = request.scope["app"]
        if principal is not None:
            wait = await app.state.budget.charge(f"key:{principal.id}", cost)
            if wait > 0:
                RATE_LIMITED.inc()
                sub_response.status_code = 429
                sub_response.headers["retry-after"] = str(int(wait))
                return _refused(
                    RateLimited(
                        f"this key has used its work budget for the minute (this request "
                        f"costs {cost} units); retry in {int(wait)} s",
                        retryAfter=float(wait),
                        cost=cost,
                    )
                )
        lane = getattr(app.state, "lane", None)
        operation = get_operation_ast(document, request_data.operation_name)
        if (
            lane is not None
            and principal is not None
            and cost >= LANE_COST
            and operation is not None
            and operation.operation == OperationType.QUERY
        ):
            started = time.perf_counter()
            encoded, had_errors = await lane.execute(
                request_data.query,
                request_data.variables,
                request_data.operation_name,
                principal,
                context.request_id,
            )
            name = request_data.operation_name or (operation.name.value if operation.name else None)
            label = operation_label(name)
            GRAPHQL_REQUESTS.labels(label, "error" if had_errors else "ok").inc()
            GRAPHQL_LATENCY.labels(label).observe(time.perf_counter() - started)
            answer = _Encoded()
            answer.encoded = encoded
            placeholder = ExecutionResult(data=None, errors=None)
            request.scope.setdefault("state", {})["processed"] = (id(placeholder), answer)
            return placeholder
        return await super().execute_single(
            request, request_adapter, sub_response, context, root_value, request_data
        )

    def encode_json(self, data: object) -> str:
        if isinstance(data, _Encoded) and data.encoded:
            return data.encoded
        return super().encode_json(data)  # type: ignore[return-value]

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        done = request.scope.get("state", {}).pop("processed", None)
        if done is not None and done[0] == id(result):
            return done[1]  # type: ignore[no-any-return,unused-ignore]
        if result.errors:
            request_id = request.scope.get("state", {}).get("request_id", "-")
            result.errors = with_codes(result.errors, request_id)
        response = await super().process_result(request, result)
        sub = request.scope.get("state", {}).get(_SUB_RESPONSE)
        if isinstance(sub, _SubResponse) and sub.graphql_response and is_request_error(result):
            sub.status_code = 400
            response.pop("data", None)
        return response

    async def render_graphql_ide(self, request: Request) -> HTMLResponse:
        page = GRAPHIQL_DIR / "index.html"
        if not page.is_file():
            return HTMLResponse(_GRAPHIQL_MISSING, status_code=503)
        return HTMLResponse(page.read_text(encoding="utf-8"))

    async def get_sub_response(self, request: Request | WebSocket) -> Response:
        sub = _SubResponse()
        sub.status_code = None  # type: ignore[assignment]  # Strawberry's "not set"
        del sub.headers["content-length"]
        if isinstance(request, Request):
            sub.graphql_response = wants_graphql_response(request.headers.get("accept"))
            request.scope.setdefault("state", {})[_SUB_RESPONSE] = sub
        return sub

    def create_response(
        self,
        response_data: GraphQLHTTPResponse | list[GraphQLHTTPResponse],
        sub_response: Response,
    ) -> Response:
        response = super().create_response(response_data, sub_response)
        if isinstance(sub_response, _SubResponse) and sub_response.graphql_response:
            response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
        return response
