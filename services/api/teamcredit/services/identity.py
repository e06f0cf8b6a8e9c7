"""Stable post identity: the same post ingested twice is one node."""

from __future__ import annotations

import hashlib
import unicodedata


def text_hash(text: str) -> str:
    """Hash of the text with Unicode and whitespace normalised (copy-paste differences vanish)."""
    normal = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:32]


def post_id(urn: str | None, author_key: str | None, hashed_text: str) -> str:
    """``urn`` when LinkedIn gave one; else the author and the text decide."""
    key = f"urn|{urn.strip()}" if urn and urn.strip() else f"text|{author_key or ''}|{hashed_text}"
    return "post-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
