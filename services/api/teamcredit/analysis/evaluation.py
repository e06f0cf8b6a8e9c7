"""Macro-F1, the measure bench/framing_eval.py and the dev-set test report."""

from __future__ import annotations

from collections.abc import Sequence

from teamcredit.analysis.models import Orientation


def macro_f1(gold: Sequence[Orientation], predicted: Sequence[Orientation]) -> float:
    """Unweighted mean of per-class F1 over the classes present in gold or predictions."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    classes = set(gold) | set(predicted)
    if not classes:
        return 0.0
    total = 0.0
    for label in classes:
        true_pos = sum(1 for g, p in zip(gold, predicted, strict=True) if g is p is label)
        false_pos = sum(
            1 for g, p in zip(gold, predicted, strict=True) if p is label and g is not label
        )
        false_neg = sum(
            1 for g, p in zip(gold, predicted, strict=True) if g is label and p is not label
        )
        denominator = 2 * true_pos + false_pos + false_neg
        total += 2 * true_pos / denominator if denominator else 0.0
    return total / len(classes)
