"""An analyst's own Cypher (``teamcredit cypher``): read-only, refused before it can write.

Two locks, because neither is enough alone:

1. Lexical: after comments, string literals and quoted names are blanked out, any write
   clause (CREATE, MERGE, SET...), ``LOAD CSV``, administration command, or procedure not
   known to be read-only is refused with its line and column, before the database is
   contacted. Blanking first means ``WHERE n.text CONTAINS 'CREATE'`` is fine.
2. The statement runs in a READ transaction (``execute_read``), which Neo4j enforces.
   ArcadeDB accepts writes in read mode (checked: a CREATE through ``execute_read``
   commits), so on the embedded graph the first lock is the one that holds.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from teamcredit.errors import BadUserInput
from teamcredit.graph.client import GraphClient

# Clauses and commands that change data, schema, users or servers. Matched as whole words,
# case-insensitively, and not as a property (n.set), a map key ({delete: 1}), a label
# (:Create) or a parameter ($merge).
_WRITE_WORDS = (
    "CREATE",
    "MERGE",
    "DELETE",
    "DETACH",
    "SET",
    "REMOVE",
    "DROP",
    "GRANT",
    "DENY",
    "REVOKE",
)
_WRITE_PHRASES = (
    r"LOAD\s+CSV",
    r"ALTER\s+(?:USER|CURRENT\s+USER|DATABASE|ALIAS|SERVER|ROLE)",
    r"RENAME\s+(?:USER|ROLE|SERVER)",
    r"(?:START|STOP)\s+DATABASE",
    r"(?:ENABLE|DEALLOCATE|REALLOCATE)\s+(?:SERVER|DATABASES?)",
    r"TERMINATE\s+TRANSACTIONS?",
)
_WRITE = re.compile(
    r"(?<![.$:\w])(?:\b(" + "|".join(_WRITE_WORDS + _WRITE_PHRASES) + r")\b)(?!\s*:)",
    re.IGNORECASE,
)
# A procedure call, as opposed to a subquery: CALL { ... } and CALL (x, y) { ... }.
_CALL = re.compile(r"(?<![.$:\w])\bCALL\s+(?![{(])([A-Za-z_][\w.]*)", re.IGNORECASE)
# Procedures that only read (names compared lower case).
READ_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.info",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
        "dbms.components",
    }
)
_PARAMETER = re.compile(r"\$([A-Za-z_]\w*)")


class WriteRefused(BadUserInput):
    """The query could write; it was not sent to the database."""


@dataclass(frozen=True, slots=True)
class Refusal:
    what: str
    line: int
    column: int

    def message(self) -> str:
        return (
            f"refused: {self.what} at line {self.line}, column {self.column}. "
            "Only read-only queries run here (no CREATE, MERGE, SET, DELETE, REMOVE, DROP, "
            "LOAD CSV or write procedures); nothing was sent to the database."
        )


def blank_literals(query: str) -> str:
    """The query with comments, strings and `quoted names` blanked, same length and lines.

    Strings become spaces and quoted names become x's (still one word), so offsets in
    the result are offsets in the query, for error positions.
    """
    out = list(query)
    i, n = 0, len(query)

    def blank(start: int, end: int, fill: str) -> None:
        for k in range(start, min(end, n)):
            if out[k] != "\n":
                out[k] = fill

    while i < n:
        ch = query[i]
        two = query[i : i + 2]
        if two == "//":
            end = query.find("\n", i)
            end = n if end == -1 else end
            blank(i, end, " ")
            i = end
        elif two == "/*":
            end = query.find("*/", i + 2)
            end = n if end == -1 else end + 2
            blank(i, end, " ")
            i = end
        elif ch in "'\"":
            j = i + 1
            while j < n and query[j] != ch:
                j += 2 if query[j] == "\\" else 1
            blank(i, j + 1, " ")
            i = j + 1
        elif ch == "`":
            j = i + 1
            while j < n:
                if query[j] == "`" and query[j + 1 : j + 2] == "`":
                    j += 2  # `` is an escaped backtick inside a quoted name
                elif query[j] == "`":
                    break
                else:
                    j += 1
            blank(i, j + 1, "x")
            i = j + 1
        else:
            i += 1
    return "".join(out)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def find_write(query: str) -> Refusal | None:
    """The first thing that could write, or None for a read-only query."""
    code = blank_literals(query)
    found: list[tuple[int, str]] = []
    match = _WRITE.search(code)
    if match:
        found.append((match.start(), " ".join(match.group(1).upper().split())))
    for call in _CALL.finditer(code):
        if call.group(1).lower() not in READ_PROCEDURES:
            found.append((call.start(1), f"procedure {call.group(1)} (not known to be read-only)"))
            break
    body = code.rstrip().rstrip(";")
    if ";" in body:
        found.append((body.index(";"), "a second statement (run one statement at a time)"))
    if not found:
        return None
    offset, what = min(found)
    return Refusal(what, *_position(query, offset))


def check_read_only(query: str) -> None:
    if not query.strip():
        raise BadUserInput("the query is empty")
    refusal = find_write(query)
    if refusal is not None:
        raise WriteRefused(refusal.message(), line=refusal.line, column=refusal.column)


def parameter_names(query: str) -> list[str]:
    """``$names`` the query uses (outside strings and comments), in order of first use."""
    return list(dict.fromkeys(_PARAMETER.findall(blank_literals(query))))


def _not_a_number(constant: str) -> Any:
    raise ValueError(constant)


def parse_value(raw: str) -> Any:
    """A --param value: JSON numbers, true/false/null, arrays, objects, "strings"; else text.

    Ids like ``007`` or ``t-0001`` are not JSON, so they stay strings, as they should.
    """
    try:
        return json.loads(raw, parse_constant=_not_a_number)
    except ValueError:
        return raw


def parse_param(item: str) -> tuple[str, Any]:
    """``name=value`` -> (name, parsed value)."""
    name, sep, raw = item.partition("=")
    name = name.strip().lstrip("$")
    if not sep or not re.fullmatch(r"[A-Za-z_]\w*", name):
        raise BadUserInput(f"a parameter is name=value, not {item!r}")
    return name, parse_value(raw)


def plain(value: Any) -> Any:
    """Driver values as JSON-ready data: temporal values as ISO 8601 text, tuples as lists."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    iso = getattr(value, "iso_format", None) or getattr(value, "isoformat", None)
    if callable(iso):
        return str(iso())
    return str(value)


async def run_read_only(
    client: GraphClient,
    query: str,
    params: Mapping[str, Any] | None = None,
    timeout: float = 60.0,
) -> list[dict[str, Any]]:
    """Check, then run ``query`` in a read transaction that is always rolled back.

    The rollback is the second lock: ArcadeDB commits writes even in READ access mode, so a
    write the check missed still leaves nothing behind.
    """
    check_read_only(query)
    # The one statement in graph/ that is not written in code (client.read wants a
    # LiteralString): it is the analyst's, checked above, and still parameterised.
    rows = await client.read_rolled_back(query, dict(params or {}), timeout=timeout)
    return [plain(row) for row in rows]
