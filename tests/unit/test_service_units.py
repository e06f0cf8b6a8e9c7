"""Fast unit tests of the pure pieces of the service: settings, validation, limits, cursors."""

from __future__ import annotations

import pytest

from teamcredit.api.ratelimit import RateLimiter, retry_after_header
from teamcredit.errors import BadUserInput
from teamcredit.graph.pagination import decode_cursor, encode_cursor
from teamcredit.services.identity import post_id, text_hash
from teamcredit.services.keys import parse_scopes
from teamcredit.settings import SettingsError, load_settings
from teamcredit.validation import check_name, check_post_text, normalize_handle


def test_bad_settings_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEAMCREDIT_PORT", "99999")
    monkeypatch.setenv("TEAMCREDIT_NEO4J_URI", "http://neo4j:7474")
    with pytest.raises(SettingsError) as info:
        load_settings()
    message = str(info.value)
    assert "TEAMCREDIT_PORT" in message and "TEAMCREDIT_NEO4J_URI" in message


def test_unset_uri_means_embedded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("TEAMCREDIT_NEO4J_URI", raising=False)
    assert load_settings().embedded is True
    monkeypatch.setenv("TEAMCREDIT_NEO4J_URI", "neo4j+s://cluster.example:7687")
    assert load_settings().embedded is False


@pytest.mark.parametrize(
    ("raw", "handle"),
    [
        ("https://www.linkedin.com/in/Ada-L/?miniProfileUrn=x", "ada-l"),
        ("/in/j%C3%A9r%C3%B4me-dupont/", "jérôme-dupont"),
        ("bob-nguyen", "bob-nguyen"),
        ("  ", None),
        (None, None),
    ],
)
def test_handles_are_normalised(raw: str | None, handle: str | None) -> None:
    assert normalize_handle(raw) == handle


def test_bad_handle_is_bad_input() -> None:
    with pytest.raises(BadUserInput):
        normalize_handle("not a handle at all!")


def test_names_and_texts_are_bounded() -> None:
    assert check_name("name", "  Léa  ") == "Léa"
    for bad in ("", "   ", "x" * 201, "a\x00b"):
        with pytest.raises(BadUserInput):
            check_name("name", bad)
    assert check_post_text("text", "x" * 3000)
    with pytest.raises(BadUserInput, match="3000"):
        check_post_text("text", "x" * 3001)


def test_cursor_round_trip_and_garbage() -> None:
    assert decode_cursor(encode_cursor("p-ümlaut:1")) == "p-ümlaut:1"
    assert decode_cursor(None) is None
    for bad in ("garbage!!", encode_cursor("x")[:-3] + "@@@", "dGMx"):
        with pytest.raises(BadUserInput):
            decode_cursor(bad)


def test_token_bucket_refills_and_says_when() -> None:
    limiter = RateLimiter(per_minute=60, burst=2)
    assert limiter.take("k", now=0.0) == 0.0
    assert limiter.take("k", now=0.0) == 0.0
    wait = limiter.take("k", now=0.0)
    assert wait == pytest.approx(1.0)
    assert retry_after_header(wait) == "1"
    assert limiter.take("k", now=1.0) == 0.0
    assert limiter.take("other", now=0.0) == 0.0  # buckets are per key


def test_post_identity() -> None:
    assert text_hash("We  did it\n together ") == text_hash("We did it together")
    assert post_id("urn:li:activity:1", "a", "h") == post_id(" urn:li:activity:1 ", "b", "z")
    assert post_id(None, "a", "h") != post_id(None, "b", "h")


def test_scopes_are_checked() -> None:
    assert parse_scopes("analyze, READ") == ("analyze", "read")
    for bad in ("", "root", "read,everything"):
        with pytest.raises(BadUserInput):
            parse_scopes(bad)
