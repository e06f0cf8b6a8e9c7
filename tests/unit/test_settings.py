"""Settings: from the environment, with the variable named in each error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import structlog

from teamcredit.logs import configure_logging
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


def test_a_dotenv_file_is_read_and_the_environment_wins(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in ("TEAMCREDIT_PORT", "TEAMCREDIT_LOG_LEVEL", "TEAMCREDIT_NEO4J_URI"):
        monkeypatch.delenv(name, raising=False)
    (tmp_path / ".env").write_text(
        "# local overrides\nTEAMCREDIT_PORT=8123\nTEAMCREDIT_LOG_LEVEL=debug\n", encoding="utf-8"
    )
    settings = load_settings()
    assert (settings.port, settings.log_level) == (8123, "debug")
    monkeypatch.setenv("TEAMCREDIT_PORT", "9000")
    assert load_settings().port == 9000
    (tmp_path / ".env").write_text("TEAMCREDIT_PORT=0\n", encoding="utf-8")
    monkeypatch.delenv("TEAMCREDIT_PORT")
    with pytest.raises(SettingsError, match="TEAMCREDIT_PORT"):
        load_settings()


@pytest.mark.parametrize(
    ("env", "log_format", "json_logs"),
    [
        ("dev", "auto", False),
        ("prod", "auto", True),
        ("dev", "json", True),
        ("prod", "console", False),
    ],
)
def test_logs_are_json_in_production_and_readable_elsewhere(
    env: str, log_format: str, json_logs: bool
) -> None:
    assert load_settings(env=env, log_format=log_format).json_logs is json_logs


@pytest.mark.parametrize("json_logs", [True, False])
def test_the_log_renderer_follows_the_setting(
    json_logs: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    configure_logging("info", json=json_logs)
    try:
        structlog.get_logger("t").info("graph.schema_ready", uri="bolt://x")
        line = capsys.readouterr().err.strip().splitlines()[-1]
    finally:
        configure_logging("warning", json=False)
    if json_logs:
        assert json.loads(line)["event"] == "graph.schema_ready"
    else:
        assert "info" in line
        assert "graph.schema_ready" in line and "uri=bolt://x" in line
        assert not line.startswith("{")
