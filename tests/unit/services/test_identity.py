"""A post's identity: its URN when known, else author and normalised text."""

from __future__ import annotations

from teamcredit.services.identity import post_id, text_hash


def test_post_identity() -> None:
    assert text_hash("We  did it\n together ") == text_hash("We did it together")
    assert post_id("urn:li:activity:1", "a", "h") == post_id(" urn:li:activity:1 ", "b", "z")
    assert post_id(None, "a", "h") != post_id(None, "b", "h")
