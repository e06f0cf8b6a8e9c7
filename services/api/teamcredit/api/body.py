"""Checks on the raw request, before any JSON or GraphQL parser sees it.

Both guard against inputs that broke the parsers rather than the rules: nesting deep enough
to exhaust the recursion of ``json.loads`` (a 500) or of the server (a reset connection),
and lone UTF-16 surrogates (``"\\ud800"``), valid JSON escapes that decode to a Python
string nothing can encode, so the first hash or driver call failed with a 500.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl

from teamcredit.api.limits import MAX_JSON_DEPTH

# A JSON string (with its escapes): brackets inside one are text, not nesting.
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKET = re.compile(rb"[\[\]{}]")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _too_deep(raw: bytes, limit: int) -> bool:
    depth = 0
    for match in _BRACKET.finditer(_STRING.sub(b'""', raw)):
        if match.group() in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


def _has_lone_surrogate(raw: bytes) -> bool:
    # Only a body with a \uD8xx-\uDFxx escape can hold one; pairs (emoji) are fine, so
    # decode and try to encode rather than guess from the escapes.
    if not _SURROGATE_ESCAPE.search(raw):
        return False
    try:
        json.dumps(json.loads(raw), ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        return True
    except ValueError:
        return False  # not JSON: GraphQL's own parser answers that
    return False


def problem(raw: bytes, limit: int = MAX_JSON_DEPTH) -> str | None:
    """Why this body (or GET query string's JSON) cannot be accepted, or None."""
    if _too_deep(raw, limit):
        return f"the request's JSON is nested deeper than {limit} levels"
    if _has_lone_surrogate(raw):
        return "text must be valid Unicode: a lone UTF-16 surrogate (\\ud800-\\udfff) was sent"
    return None


def query_string_problem(query_string: bytes, limit: int = MAX_JSON_DEPTH) -> str | None:
    """The same checks on a GET request's ``variables`` and ``extensions`` parameters."""
    for name, value in parse_qsl(query_string.decode("latin-1")):
        if name in ("variables", "extensions", "query"):
            found = problem(value.encode("utf-8", "surrogatepass"), limit)
            if found:
                return found
    return None
