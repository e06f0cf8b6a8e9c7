"""Opaque cursors over a stable sort key (the node id)."""

from __future__ import annotations

import base64
import binascii

from teamcredit.errors import BadUserInput

_PREFIX = "tc1:"
MAX_FIRST = 100


def encode_cursor(key: str) -> str:
    return base64.urlsafe_b64encode((_PREFIX + key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> str | None:
    if cursor is None:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        raw = base64.urlsafe_b64decode(padded.encode("ascii")).decode("utf-8")
    except (binascii.Error, UnicodeError, ValueError):
        raise BadUserInput("invalid cursor", field="after") from None
    if not raw.startswith(_PREFIX):
        raise BadUserInput("invalid cursor", field="after")
    return raw[len(_PREFIX) :]


def check_first(first: int) -> int:
    if first < 0 or first > MAX_FIRST:
        raise BadUserInput(f"first must be between 0 and {MAX_FIRST}", field="first")
    return first
