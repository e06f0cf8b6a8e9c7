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

from importlib import resources
from pathlib import Path

from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from teamcredit.api.context import Context
from teamcredit.api.errors import with_codes

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

    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
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
