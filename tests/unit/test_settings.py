"""Settings: from the environment, with the variable named in each error."""

from __future__ import annotations

import pytest

from teamcredit.settings import SettingsError, load_settings


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
