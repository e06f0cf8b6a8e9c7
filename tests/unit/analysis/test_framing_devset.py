"""The 94 written posts: unit cases for the tricky rules, not the measure.

They are training data of the framing model (at half weight, docs/framing.md), so these
figures are in-sample; the measure is the locked test split of real posts
(bench/framing_eval.py). They still catch a model or lexicon that forgot the LinkedIn
formulas the written posts were made of.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from teamcredit.analysis.baseline import naive_pronoun_ratio
from teamcredit.analysis.evaluation import macro_f1
from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.models import Orientation

DEVSET = Path(__file__).resolve().parents[2] / "data" / "framing_devset.jsonl"


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line]


def test_devset_has_the_required_shape(rows: list[dict[str, Any]]) -> None:
    languages = Counter(row["language"] for row in rows)
    assert len(rows) >= 80
    assert languages["fr"] >= 30 and languages["en"] >= 30
    assert min(languages["es"], languages["de"], languages["ja"]) >= 5
    assert {row["label"] for row in rows} == {o.value for o in Orientation}
    texts = "".join(row["text"] for row in rows)
    assert "#" in texts and "@" in texts and "\n" in texts and "🚀" in texts
    assert len({row["id"] for row in rows}) == len(rows)


def test_analyser_reaches_the_macro_f1_target(rows: list[dict[str, Any]]) -> None:
    gold = [Orientation(row["label"]) for row in rows]
    ours = [analyze_framing(row["text"], None, row.get("mentions", ())).orientation for row in rows]
    base = [naive_pronoun_ratio(row["text"], row["language"]) for row in rows]
    assert macro_f1(gold, ours) >= 0.85
    assert macro_f1(gold, ours) - macro_f1(gold, base) >= 0.15


def test_language_is_detected_on_the_devset(rows: list[dict[str, Any]]) -> None:
    detected = [analyze_framing(row["text"]).language for row in rows]
    assert sum(d == row["language"] for d, row in zip(detected, rows, strict=True)) >= 0.95 * len(
        rows
    )
