"""The GraphQL HTTP router: Strawberry's, with every error given its ``extensions.code``."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from strawberry.fastapi import GraphQLRouter
from strawberry.http import GraphQLHTTPResponse
from strawberry.types import ExecutionResult

from teamcredit.api.context import Context
from teamcredit.api.errors import with_codes


class TeamCreditRouter(GraphQLRouter[Context, Any]):
    async def process_result(
        self, request: Request, result: ExecutionResult
    ) -> GraphQLHTTPResponse:
        if result.errors:
            request_id = request.scope.get("state", {}).get("request_id", "-")
            result.errors = with_codes(result.errors, request_id)
        return await super().process_result(request, result)
