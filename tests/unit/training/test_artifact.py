"""Fitted files: written by their script, checked against what it makes now."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from teamcredit.training.artifact import render, same, write_or_check

DOCUMENT: dict[str, Any] = {"c": 0.03, "weights": [[1.456381, -0.27213]], "fit": True, "n": 5}


def test_a_written_file_checks_and_a_refit_of_another_machine_too(tmp_path: Path) -> None:
    out = tmp_path / "model.json"
    assert write_or_check(DOCUMENT, out, False, "fit") == 0
    assert out.read_text(encoding="utf-8") == render(DOCUMENT)
    assert write_or_check(DOCUMENT, out, True, "fit") == 0
    # The last of six decimals rounded the other way (another machine's BLAS).
    assert write_or_check({**DOCUMENT, "weights": [[1.45638, -0.27213]]}, out, True, "fit") == 0


@pytest.mark.parametrize(
    "changed",
    [
        {"weights": [[1.457, -0.27213]]},
        {"weights": [[1.456381]]},
        {"fit": False},
        {"n": 6},
        {"c": "0.03"},
    ],
)
def test_a_real_change_is_stale(
    changed: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "model.json"
    out.write_text(render(DOCUMENT), encoding="utf-8")
    assert write_or_check({**DOCUMENT, **changed}, out, True, "teamcredit.training.fit") == 1
    assert "stale: run python -m teamcredit.training.fit" in capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8")) == DOCUMENT  # a check never writes


def test_same_reads_keys_and_kinds() -> None:
    assert same({"a": [1, 2.0]}, {"a": [1.000001, 2]})
    assert not same({"a": 1}, {"b": 1})
    assert not same(True, 1)
    assert not same([1], 1)
