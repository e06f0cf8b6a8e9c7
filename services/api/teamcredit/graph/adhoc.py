"""An analyst's own Cypher (``teamcredit cypher``): read-only, refused before it can write.

Two locks, because neither is enough alone:

1. The account: the statement runs as a graph user that cannot write. The embedded graph
   (ArcadeDB) creates a ``reader`` user whose group may only read records; it refuses
   creates, updates, deletes and schema changes (indexes, constraints) in any
   transaction, ``CALL { ... } IN TRANSACTIONS`` included. On Neo4j this is a user whose
   role has no write privilege (TEAMCREDIT_NEO4J_READER_USER); without one, the READ
   access-mode session and the rollback are all there is (docs/security.md).
2. Syntax, before the graph is contacted: the query is split into tokens the way the
   Cypher lexer does (comments end at any line terminator, ``\r`` and ``\u2028``
   included; strings, escapes and `quoted names` are tokens; any Unicode space separates
   words), then any write clause, schema or administration command, ``IN TRANSACTIONS``,
   procedure not known to be read-only, or second statement is refused with its line and
   column. Text it cannot tokenize (an unterminated comment or string) is refused too.

Why a tokenizer and not a full parser: the Python Cypher parsers on PyPI are generated
from the 2017-era openCypher grammar (no ``CALL { }`` subqueries, ``COUNT { }``, ``IN
TRANSACTIONS``), so they reject the cookbook's own queries. Refusing is decided on
tokens, which is where the old regex failed (it ended a comment only at ``\n``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from teamcredit.errors import BadUserInput
from teamcredit.graph.client import GraphClient

# Words that start a clause or command that changes data, schema, users, servers or
# transactions. Matched as keywords only: not as a property (n.set), a map key
# ({delete: 1}), a label (:Create), a parameter ($merge) or inside a `quoted name`.
_WRITE_WORDS = frozenset(
    {
        "CREATE",
        "MERGE",
        "DELETE",
        "DETACH",
        "SET",
        "REMOVE",
        "DROP",
        "FOREACH",  # holds only updating clauses
        "LOAD",  # LOAD CSV
        "ALTER",
        "RENAME",
        "GRANT",
        "DENY",
        "REVOKE",
        "START",
        "STOP",
        "ENABLE",
        "DEALLOCATE",
        "REALLOCATE",
        "TERMINATE",
        "TRANSACTIONS",  # CALL { } IN [n CONCURRENT] TRANSACTIONS: commits batch by batch
        "TRANSACTION",
        "USE",  # another database (system: users and roles)
    }
)
_TWO_WORD = frozenset(
    {"ALTER", "RENAME", "START", "STOP", "ENABLE", "DEALLOCATE", "REALLOCATE", "TERMINATE"}
)
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
# Where a line ends, for Cypher (\n, \r) and for Unicode (str.splitlines): a comment
# ends at the first of any of them, so it can never hide more than the graph would.
_LINE_ENDS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
_PARAMETER = re.compile(r"[A-Za-z_]\w*")


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
            "LOAD CSV, IN TRANSACTIONS or write procedures); nothing was sent to the database."
        )


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # word, name (`quoted`), param, string, comment, symbol, error
    start: int
    end: int
    text: str


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def tokens(query: str) -> Iterator[Token]:
    """Cypher's tokens, whitespace left out; an ``error`` token for what does not end."""
    i, n = 0, len(query)
    while i < n:
        ch = query[i]
        two = query[i : i + 2]
        if ch.isspace():  # every Unicode space and line terminator separates tokens
            i += 1
        elif two == "//":
            j = i + 2
            while j < n and query[j] not in _LINE_ENDS:
                j += 1
            yield Token("comment", i, j, query[i:j])
            i = j
        elif two == "/*":
            j = query.find("*/", i + 2)
            if j == -1:
                yield Token("error", i, n, "an unterminated /* comment")
                return
            yield Token("comment", i, j + 2, query[i : j + 2])
            i = j + 2
        elif ch in "'\"":
            j = i + 1
            while j < n and query[j] != ch:
                j += 2 if query[j] == "\\" else 1
            if j >= n:
                yield Token("error", i, n, "an unterminated string")
                return
            yield Token("string", i, j + 1, query[i : j + 1])
            i = j + 1
        elif ch == "`":
            j = i + 1
            while j < n and not (query[j] == "`" and query[j + 1 : j + 2] != "`"):
                j += 2 if query[j] == "`" else 1
            if j >= n:
                yield Token("error", i, n, "an unterminated `quoted name`")
                return
            yield Token("name", i, j + 1, query[i + 1 : j].replace("``", "`"))
            i = j + 1
        elif ch == "$" and i + 1 < n and (_is_word(query[i + 1]) or query[i + 1] == "`"):
            if query[i + 1] == "`":
                inner = next(tokens(query[i + 1 :]))
                yield Token("param", i, i + 1 + inner.end, inner.text)
                i += 1 + inner.end
            else:
                j = i + 1
                while j < n and _is_word(query[j]):
                    j += 1
                yield Token("param", i, j, query[i + 1 : j])
                i = j
        elif _is_word(ch):
            j = i + 1
            while j < n and _is_word(query[j]):
                j += 1
            yield Token("word", i, j, query[i:j])
            i = j
        else:
            yield Token("symbol", i, i + 1, ch)
            i += 1


def blank_literals(query: str) -> str:
    """The query with comments, strings and `quoted names` blanked, same length and lines.

    Strings become spaces and quoted names become x's (still one word), so offsets in
    the result are offsets in the query, for error positions.
    """
    out = list(query)
    for tok in tokens(query):
        if tok.kind in ("comment", "string", "name", "error"):
            fill = "x" if tok.kind == "name" else " "
            for k in range(tok.start, tok.end):
                if out[k] != "\n":
                    out[k] = fill
    return "".join(out)


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _procedure(code: list[Token], k: int) -> tuple[str, bool]:
    """The dotted name after CALL at ``code[k]``, and whether it is plain words only."""
    parts: list[str] = []
    plain = True
    while k < len(code):
        tok = code[k]
        if tok.kind not in ("word", "name"):
            break
        plain = plain and tok.kind == "word"
        parts.append(tok.text)
        if k + 1 < len(code) and code[k + 1].text == ".":
            k += 2
        else:
            break
    return ".".join(parts), plain


def _first_refusal(query: str) -> tuple[int, str] | None:
    code = [t for t in tokens(query) if t.kind != "comment"]
    for k, tok in enumerate(code):
        if tok.kind == "error":
            return tok.start, tok.text
        before = code[k - 1].text if k > 0 and code[k - 1].kind == "symbol" else ""
        after = code[k + 1].text if k + 1 < len(code) and code[k + 1].kind == "symbol" else ""
        if tok.kind == "word":
            word = tok.text.upper()
            # n.set, :Create and {delete: 1} are names, not clauses.
            keyword = before not in (".", ":") and after != ":"
            if keyword and word in _WRITE_WORDS:
                if word == "LOAD" and k + 1 < len(code) and code[k + 1].text.upper() == "CSV":
                    return tok.start, "LOAD CSV"
                previous = code[k - 1].text.upper() if k > 0 else ""
                if word.startswith("TRANSACTION") and previous in ("IN", "CONCURRENT"):
                    return tok.start, "IN TRANSACTIONS (commits batch by batch)"
                phrase = word
                if word in _TWO_WORD and k + 1 < len(code) and code[k + 1].kind == "word":
                    phrase = f"{word} {code[k + 1].text.upper()}"
                return tok.start, phrase
            if keyword and word == "CALL" and k + 1 < len(code):
                nxt = code[k + 1]
                if nxt.text in ("{", "("):
                    continue  # a subquery: its clauses are checked like any other
                name, plain = _procedure(code, k + 1)
                if not plain or name.lower() not in READ_PROCEDURES:
                    return nxt.start, f"procedure {name or nxt.text} (not known to be read-only)"
        elif tok.kind == "symbol" and tok.text == ";" and k + 1 < len(code):
            return tok.start, "a second statement (run one statement at a time)"
    return None


def find_write(query: str) -> Refusal | None:
    """The first thing that could write, or None for a read-only query."""
    found = _first_refusal(query)
    if found is None:
        return None
    offset, what = found
    return Refusal(what, *_position(query, offset))


def check_read_only(query: str) -> None:
    if not query.strip():
        raise BadUserInput("the query is empty")
    refusal = find_write(query)
    if refusal is not None:
        raise WriteRefused(refusal.message(), line=refusal.line, column=refusal.column)


def parameter_names(query: str) -> list[str]:
    """``$names`` the query uses (outside strings and comments), in order of first use."""
    names = (t.text for t in tokens(query) if t.kind == "param")
    return list(dict.fromkeys(n for n in names if _PARAMETER.fullmatch(n)))


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
