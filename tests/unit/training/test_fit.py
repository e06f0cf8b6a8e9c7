"""The shipped framing model is what the fitting script makes of the corpus."""

from __future__ import annotations

import json

import numpy as np
import pytest

from teamcredit.analysis.features import FEATURE_NAMES
from teamcredit.training.corpus import in_split, load_corpus, load_devset, load_reserve
from teamcredit.training.fit import (
    LANGUAGE_FEATURES,
    MODEL_PATH,
    Scanned,
    fit,
    fit_calibration,
    train,
)


def test_the_shipped_model_is_reproducible_from_the_training_splits() -> None:
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    refitted = train(in_split(load_corpus(), "train", "validation"), load_devset())
    numbers = ("languages", "temperature", "calibration_bias", "cv_macro_f1")
    numbers += ("cv_macro_f1_unread",)
    assert {k: v for k, v in refitted.items() if k not in numbers} == {
        k: v for k, v in shipped.items() if k not in numbers
    }
    # Solver round-off may differ across BLAS builds; a stale file differs far more.
    assert refitted["temperature"] == pytest.approx(shipped["temperature"], abs=1e-3)
    assert refitted["languages"].keys() == shipped["languages"].keys()
    for language, weights in refitted["languages"].items():
        for fitted_row, shipped_row in zip(
            weights["coefficients"], shipped["languages"][language]["coefficients"], strict=True
        ):
            assert fitted_row == pytest.approx(shipped_row, abs=1e-3), language
        assert weights["intercepts"] == pytest.approx(
            shipped["languages"][language]["intercepts"], abs=1e-3
        )
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


def test_each_language_learns_its_own_weights_around_the_shared_ones() -> None:
    """A feature that means INDIVIDUAL in one language and COLLECTIVE in another (as "I"
    counts do not travel from English to pronoun-drop Japanese) gets a weight of each sign."""
    rng = np.random.default_rng(3)
    values = rng.normal(size=1200)
    languages = np.array(["en"] * 600 + ["ja"] * 600, dtype=np.str_)
    high = values > 0
    labels = np.where(high == (languages == "en"), 0, 2).astype(np.int64)
    labels[::10] = 1  # a few BALANCED posts, so every class is fitted
    features = np.zeros((1200, len(FEATURE_NAMES)))
    features[:, 0] = values
    fitted = fit(Scanned(features, languages), labels, 1.0)
    push = {
        lang: fitted.coefficients[lang][0, 0] - fitted.coefficients[lang][2, 0]
        for lang in ("en", "ja")
    }
    assert push["en"] > 1.0 and push["ja"] < -1.0
    logits = fitted.logits(features[:2], np.array(["en", "ja"], dtype=np.str_))
    assert logits.shape == (2, 3)


def test_names_length_and_intercepts_stay_shared_across_languages() -> None:
    """Only the counts of what each language's phrase lists read may differ by language."""
    rng = np.random.default_rng(5)
    features = rng.normal(size=(900, len(FEATURE_NAMES)))
    languages = rng.choice(np.array(["en", "fr", "ja"], dtype=np.str_), size=900)
    labels = rng.integers(0, 3, size=900).astype(np.int64)
    labels[(languages == "ja") & (features[:, -1] > 0)] = 2  # length means more in Japanese
    fitted = fit(Scanned(features, languages), labels, 1.0)
    shared = [FEATURE_NAMES.index(name) for name in FEATURE_NAMES if name not in LANGUAGE_FEATURES]
    assert "length" in [FEATURE_NAMES[i] for i in shared]
    for language in ("fr", "ja"):
        assert np.array_equal(
            fitted.coefficients[language][:, shared], fitted.coefficients["en"][:, shared]
        )
        assert np.array_equal(fitted.intercepts[language], fitted.intercepts["en"])
    own = FEATURE_NAMES.index(LANGUAGE_FEATURES[0])
    assert not np.array_equal(fitted.coefficients["ja"][:, own], fitted.coefficients["en"][:, own])
