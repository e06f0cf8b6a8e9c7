"""API key scopes."""

from __future__ import annotations

import pytest

from teamcredit.errors import BadUserInput
from teamcredit.services.keys import parse_scopes


def test_scopes_are_checked() -> None:
    assert parse_scopes("analyze, READ") == ("analyze", "read")
    for bad in ("", "root", "read,everything"):
        with pytest.raises(BadUserInput):
            parse_scopes(bad)
