"""Input rules shared by every entry point (GraphQL, import, CLI): one place, one message each."""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from teamcredit.errors import BadUserInput

MAX_NAME = 200
MAX_ID = 128
MAX_TEXT = 3000  # LinkedIn's own limit for a post
MAX_SHORT_TEXT = 1000
# A romanised name, a kana reading, a former name: a handful, not a list of nicknames.
MAX_PERSON_ALIASES = 10
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:@\-]*$")
_COUNTRY = re.compile(r"^[A-Za-z]{2}$")
_HANDLE = re.compile(r"^[\w\-.%]+$", re.UNICODE)


def _check_unicode(field: str, value: str) -> None:
    """NUL and lone UTF-16 surrogates: neither can be stored, hashed or sent to the graph."""
    if "\x00" in value:
        raise BadUserInput(f"{field} must not contain NUL characters", field=field)
    if not value.isascii():
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise BadUserInput(
                f"{field} must be valid Unicode (it holds a lone UTF-16 surrogate)", field=field
            ) from None


def check_id(field: str, value: str) -> str:
    value = value.strip()
    if not value:
        raise BadUserInput(f"{field} must not be empty", field=field)
    if len(value) > MAX_ID:
        raise BadUserInput(f"{field} is longer than {MAX_ID} characters", field=field)
    if not _ID.match(value):
        raise BadUserInput(
            f"{field} may hold letters, digits and . _ : @ - only (got {value[:40]!r})", field=field
        )
    return value


def check_name(field: str, value: str, max_len: int = MAX_NAME) -> str:
    _check_unicode(field, value)
    value = value.strip()
    if not value:
        raise BadUserInput(f"{field} must not be empty", field=field)
    if len(value) > max_len:
        raise BadUserInput(f"{field} is longer than {max_len} characters", field=field)
    return value


def check_names(field: str, values: list[str] | None, max_items: int) -> tuple[str, ...]:
    """A list of names (a project's aliases, a person's other names), each checked as a name."""
    values = values or []
    if len(values) > max_items:
        raise BadUserInput(f"{field} holds at most {max_items} entries", field=field)
    return tuple(check_name(f"{field}[{i}]", v) for i, v in enumerate(values))


def distinct_aliases(name: str, aliases: Iterable[str]) -> tuple[str, ...]:
    """A person's aliases without repeats of the name or of each other (case and spacing
    aside): an HR export that fills its "romanised name" column for everyone repeats the
    name of everyone already written in Latin letters, which is not an error."""
    seen = {" ".join(name.split()).casefold()}
    out = []
    for alias in aliases:
        key = " ".join(alias.split()).casefold()
        if key not in seen:
            seen.add(key)
            out.append(alias)
    return tuple(out)


def check_optional(field: str, value: str | None, max_len: int = MAX_SHORT_TEXT) -> str | None:
    if value is None:
        return None
    _check_unicode(field, value)
    value = value.strip()
    if len(value) > max_len:
        raise BadUserInput(f"{field} is longer than {max_len} characters", field=field)
    return value or None


def check_post_text(field: str, value: str) -> str:
    _check_unicode(field, value)
    if not value.strip():
        raise BadUserInput(f"{field} must not be empty", field=field)
    if len(value) > MAX_TEXT:
        raise BadUserInput(
            f"{field} is {len(value)} characters; LinkedIn's limit is {MAX_TEXT}", field=field
        )
    return value


def check_country(field: str, value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    if not _COUNTRY.match(value.strip()):
        raise BadUserInput(f"{field} must be an ISO 3166-1 alpha-2 code such as FR", field=field)
    return value.strip().upper()


def check_weight(field: str, value: float) -> float:
    if not (0.0 <= value <= 100.0) or value != value:
        raise BadUserInput(f"{field} must be between 0 and 100", field=field)
    return float(value)


def normalize_handle(value: str | None) -> str | None:
    """LinkedIn public handle: lower case, percent-decoded, no URL parts, no trailing slash.

    Accepts a bare handle or a profile URL (``https://www.linkedin.com/in/Ada-L/?x=1``).
    """
    if value is None:
        return None
    raw = value.strip()
    if not raw:
        return None
    if "/" in raw:
        path = urlsplit(raw if "://" in raw else "https://x/" + raw.lstrip("/")).path
        parts = [p for p in path.split("/") if p]
        if "in" in parts and parts.index("in") + 1 < len(parts):
            raw = parts[parts.index("in") + 1]
        elif parts:
            raw = parts[-1]
    handle = unquote(raw.split("?", 1)[0]).strip().strip("/").lower()
    if not handle or len(handle) > 100 or not _HANDLE.match(handle):
        raise BadUserInput(f"not a LinkedIn handle: {value[:60]!r}", field="handle")
    return handle
