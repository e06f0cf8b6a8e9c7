"""The shipped framing model is what the fitting script makes of the corpus."""

from __future__ import annotations

import json

import numpy as np
import pytest

from teamcredit.training.corpus import in_split, load_corpus, load_devset, load_reserve
from teamcredit.training.fit import MODEL_PATH, fit_calibration, train


def test_the_shipped_model_is_reproducible_from_the_training_splits() -> None:
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    refitted = train(in_split(load_corpus(), "train", "validation"), load_devset())
    numbers = ("coefficients", "intercepts", "temperature", "calibration_bias", "cv_macro_f1")
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
    assert refitted["calibration_bias"] == pytest.approx(shipped["calibration_bias"], abs=1e-3)


def test_the_calibration_takes_back_what_a_class_was_given() -> None:
    """Logits that overrate the middle class by one (as balanced class weights do to the
    rare BALANCED) are calibrated by a bias of about -1 on it; the temperature stays ~1."""
    rng = np.random.default_rng(7)
    true_logits = rng.normal(0.0, 2.0, size=(4000, 3))
    probabilities = np.exp(true_logits) / np.exp(true_logits).sum(axis=1, keepdims=True)
    labels = np.array([rng.choice(3, p=row) for row in probabilities])
    overrated = true_logits + np.array([0.0, 1.0, 0.0])
    calibration = fit_calibration(overrated, labels)
    assert calibration.bias[1] == pytest.approx(-1.0, abs=0.15)
    assert calibration.bias[2] == pytest.approx(0.0, abs=0.15)
    assert calibration.temperature == pytest.approx(1.0, abs=0.1)
    # The confidence is that of the verdict the logits give, not of the calibrated favourite.
    verdicts = overrated.argmax(axis=1)
    assert np.allclose(
        calibration.confidence(overrated),
        np.exp(calibration.log_probabilities(overrated))[np.arange(4000), verdicts],
    )


def test_the_test_split_is_never_fitted_on() -> None:
    with pytest.raises(ValueError, match="locked"):
        train(in_split(load_corpus(), "test"))
    with pytest.raises(ValueError, match="locked"):
        train([*in_split(load_corpus(), "train"), *in_split(load_corpus(), "test")[:5]])


def test_the_reserve_is_never_fitted_on() -> None:
    with pytest.raises(ValueError, match="locked"):
        train([*in_split(load_corpus(), "train"), *load_reserve()[:5]])
