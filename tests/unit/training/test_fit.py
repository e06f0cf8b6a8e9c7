"""The shipped framing model is what the fitting script makes of the corpus."""

from __future__ import annotations

import json

import pytest

from teamcredit.training.corpus import in_split, load_corpus, load_devset, load_reserve
from teamcredit.training.fit import MODEL_PATH, train


def test_the_shipped_model_is_reproducible_from_the_training_splits() -> None:
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    refitted = train(in_split(load_corpus(), "train", "validation"), load_devset())
    numbers = ("coefficients", "intercepts", "temperature", "cv_macro_f1")
    assert {k: v for k, v in refitted.items() if k not in numbers} == {
        k: v for k, v in shipped.items() if k not in numbers
    }
    # Solver round-off may differ across BLAS builds; a stale file differs far more.
    assert refitted["temperature"] == pytest.approx(shipped["temperature"], abs=1e-3)
    for fitted_row, shipped_row in zip(
        refitted["coefficients"], shipped["coefficients"], strict=True
    ):
        assert fitted_row == pytest.approx(shipped_row, abs=1e-3)
    assert refitted["intercepts"] == pytest.approx(shipped["intercepts"], abs=1e-3)


def test_the_test_split_is_never_fitted_on() -> None:
    with pytest.raises(ValueError, match="locked"):
        train(in_split(load_corpus(), "test"))
    with pytest.raises(ValueError, match="locked"):
        train([*in_split(load_corpus(), "train"), *in_split(load_corpus(), "test")[:5]])


def test_the_reserve_is_never_fitted_on() -> None:
    with pytest.raises(ValueError, match="locked"):
        train([*in_split(load_corpus(), "train"), *load_reserve()[:5]])
