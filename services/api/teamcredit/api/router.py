"""The GraphQL endpoint: Strawberry's ASGI app, with every error given its ``extensions.code``.

Strawberry's plain ASGI app rather than its FastAPI router: the router runs FastAPI's
dependency injection and response wrapping on every request, which the endpoint does not use
(the context comes from what the guard middleware put in the request scope) and which cost
about a tenth of an ``analyzePost`` over HTTP.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from teamcredit.api.context import Context
from teamcredit.api.errors import with_codes


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
        return await super().process_result(request, result)
