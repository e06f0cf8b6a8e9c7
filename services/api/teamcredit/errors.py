"""Errors every layer may raise; the API maps each to a GraphQL error with ``extensions.code``."""

from __future__ import annotations

from typing import Any


class TeamCreditError(Exception):
    code = "INTERNAL"

    def __init__(self, message: str, **extensions: Any) -> None:
        super().__init__(message)
        self.message = message
        self.extensions = extensions


class BadUserInput(TeamCreditError):
    code = "BAD_USER_INPUT"


class NotFound(TeamCreditError):
    code = "NOT_FOUND"


class GraphUnavailable(TeamCreditError):
    code = "GRAPH_UNAVAILABLE"


class Unauthenticated(TeamCreditError):
    code = "UNAUTHENTICATED"


class Forbidden(TeamCreditError):
    code = "FORBIDDEN"


class RateLimited(TeamCreditError):
    code = "RATE_LIMITED"


class QueryTooComplex(TeamCreditError):
    code = "QUERY_TOO_COMPLEX"


class StartupFailed(TeamCreditError):
    """Start-up work did not finish in its budget; the message says why and what to do."""

    code = "STARTUP_FAILED"
