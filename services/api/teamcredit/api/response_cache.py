"""Whole answers of analysis queries, cached: a popular post's ``analyzePost`` served as bytes.

The analysis cache (services/analysis.py) saves the graph round trip and the analysis, but
a cached analysis still costs GraphQL execution of a large answer (every signal, credit and
culture field): about half an ``analyzePost``. For a feed where thousands of colleagues read
the same posts, the guard (api/guard.py) also keeps the answer itself, in the same store and
under the same organisation generation (services/shared.py), keyed by the request body and
the caller's scopes (field permissions depend on scopes, never on who the caller is).

Only answers that depend on nothing but the request and the organisation are kept: a query
whose root fields are all analysis fields, answered without errors and not degraded, for a
key verified against the graph.
"""

from __future__ import annotations

import hashlib
import json
from contextvars import ContextVar

from graphql import FieldNode, GraphQLError, OperationDefinitionNode, OperationType, parse

CACHED_FIELDS = frozenset({"analyzePost", "analyzePosts", "culture", "__typename"})
# Set by the guard for each request; a resolver that answered degraded marks it (the dict
# is shared with the resolvers' tasks, which get copies of the context).
REQUEST_FLAGS: ContextVar[dict[str, bool] | None] = ContextVar("request_flags", default=None)


def mark_degraded() -> None:
    flags = REQUEST_FLAGS.get()
    if flags is not None:
        flags["degraded"] = True


def may_be_cached(body: bytes) -> bool:
    """Cheap pre-check before a cache lookup (a body that names an analysis field)."""
    return b"analyzePost" in body


def cache_key(body: bytes, scopes: frozenset[str]) -> str:
    return hashlib.sha256(",".join(sorted(scopes)).encode() + b"\n" + body).hexdigest()


def cacheable_query(body: bytes) -> bool:
    """One query operation whose root fields are all analysis fields."""
    try:
        request = json.loads(body)
        document = parse(request["query"])
    except (ValueError, KeyError, TypeError, GraphQLError):
        return False
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if len(operations) != 1 or len(document.definitions) != 1:
        return False  # fragments or several operations: not worth the analysis here
    operation = operations[0]
    if operation.operation is not OperationType.QUERY:
        return False
    selections = operation.selection_set.selections
    return all(isinstance(s, FieldNode) and s.name.value in CACHED_FIELDS for s in selections)
