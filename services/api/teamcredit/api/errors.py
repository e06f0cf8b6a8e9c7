"""Every error leaves with ``extensions.code``; unexpected ones are masked.

An unexpected exception becomes "Internal error" plus the request id, and the full
traceback goes to the log under that id: the client learns nothing about internals, the
operator can still find the cause.
"""

from __future__ import annotations

import structlog
from graphql import GraphQLError

from teamcredit.api.limits import LIMIT_MESSAGES
from teamcredit.errors import TeamCreditError

log = structlog.get_logger(__name__)


def _code_for(error: GraphQLError, request_id: str) -> GraphQLError:
    original = error.original_error
    if isinstance(original, TeamCreditError):
        error.extensions = {"code": original.code, **original.extensions}
        return error
    if original is None:
        extensions = dict(error.extensions or {})
        if any(marker in error.message for marker in LIMIT_MESSAGES):
            extensions["code"] = "QUERY_TOO_COMPLEX"
        extensions.setdefault(
            "code",
            "GRAPHQL_PARSE_FAILED"
            if error.message.startswith("Syntax Error")
            else "GRAPHQL_VALIDATION_FAILED",
        )
        error.extensions = extensions
        return error
    if isinstance(original, GraphQLError):
        return _code_for(original, request_id)
    log.error(
        "graphql.unexpected_error",
        request_id=request_id,
        path=error.path,
        exc_info=(type(original), original, original.__traceback__),
    )
    return GraphQLError(
        "Internal error",
        nodes=error.nodes,
        path=error.path,
        extensions={"code": "INTERNAL_SERVER_ERROR", "requestId": request_id},
    )


def with_codes(errors: list[GraphQLError], request_id: str) -> list[GraphQLError]:
    return [_code_for(e, request_id) for e in errors]
