"""The domain model's page cursors."""

from __future__ import annotations

import pytest

from teamcredit.errors import BadUserInput
from teamcredit.models import decode_cursor, encode_cursor


def test_cursor_round_trip_and_garbage() -> None:
    assert decode_cursor(encode_cursor("p-ümlaut:1")) == "p-ümlaut:1"
    assert decode_cursor(None) is None
    for bad in ("garbage!!", encode_cursor("x")[:-3] + "@@@", "dGMx"):
        with pytest.raises(BadUserInput):
            decode_cursor(bad)
