"""The evaluation's measures on values worked out by hand."""

from __future__ import annotations

import pytest

from teamcredit.analysis.evaluation import (
    bootstrap_interval,
    class_scores,
    cohen_kappa,
    confusion,
    expected_calibration_error,
    macro_f1,
)
from teamcredit.analysis.models import Orientation

IND, BAL, COL = Orientation.INDIVIDUAL, Orientation.BALANCED, Orientation.COLLECTIVE


def test_macro_f1_on_known_values() -> None:
    assert macro_f1([IND, BAL, COL], [IND, BAL, COL]) == 1.0
    assert macro_f1([IND, IND], [COL, COL]) == 0.0
    # Class IND: P=1, R=0.5, F1=2/3; class COL: P=0.5, R=1, F1=2/3.
    assert macro_f1([IND, IND, COL], [IND, COL, COL]) == pytest.approx(2 / 3)


def test_class_scores() -> None:
    scores = class_scores([IND, IND, COL, BAL], [IND, COL, COL, IND], IND)
    assert (scores.precision, scores.recall, scores.support) == (0.5, 0.5, 2)


def test_confusion_rows_are_gold() -> None:
    assert confusion([IND, IND, COL], [IND, COL, COL], [IND, BAL, COL]) == [
        [1, 0, 1],
        [0, 0, 0],
        [0, 0, 1],
    ]


def test_cohen_kappa() -> None:
    assert cohen_kappa([IND, BAL, COL, IND], [IND, BAL, COL, IND]) == 1.0
    # Observed 0.5; expected 0.5 * 0.5 + 0.5 * 0.5 = 0.5: no agreement beyond chance.
    assert cohen_kappa([IND, IND, COL, COL], [IND, COL, IND, COL]) == pytest.approx(0.0)
    # Observed 0.8; expected 0.6*0.6 + 0.4*0.4 = 0.52 -> (0.8 - 0.52) / 0.48.
    first = [IND, IND, IND, COL, COL]
    second = [IND, IND, COL, COL, IND]
    assert cohen_kappa(first, second) == pytest.approx((0.6 - 0.52) / 0.48)


def test_expected_calibration_error() -> None:
    # Two bins: 0.95 confident and right twice (gap 0.05), 0.55 confident and right once
    # of two (gap 0.05): ECE 0.05.
    assert expected_calibration_error([0.95, 0.95, 0.55, 0.55], [True, True, True, False]) == (
        pytest.approx(0.05)
    )
    assert expected_calibration_error([0.9, 0.9], [False, False]) == pytest.approx(0.9)


def test_lengths_must_agree() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        macro_f1([IND], [IND, IND])


def test_bootstrap_interval_brackets_the_figure_and_narrows_with_more_posts() -> None:
    i, b, c = IND, BAL, COL
    gold = [i, i, i, b, c, c, c, b, i, c] * 6
    predicted = [i, i, b, b, c, i, c, c, i, c] * 6
    low, high = bootstrap_interval(gold, predicted, macro_f1)
    assert low < macro_f1(gold, predicted) < high
    assert (low, high) == bootstrap_interval(gold, predicted, macro_f1)  # seeded
    wide_low, wide_high = bootstrap_interval(gold[:20], predicted[:20], macro_f1)
    assert wide_high - wide_low > high - low
    assert bootstrap_interval(gold, gold, macro_f1) == (1.0, 1.0)
    with pytest.raises(ValueError):
        bootstrap_interval([], [], macro_f1)
