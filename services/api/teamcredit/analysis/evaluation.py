"""Classification measures for the framing evaluation: macro-F1, per-class precision and
recall, the confusion matrix, Cohen's kappa between labellers, calibration error, and a
bootstrap interval for any of them.

Plain Python over sequences of labels, so the unit tests, bench/framing_eval.py and the
training script share one definition of each figure.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from random import Random
from typing import TypeVar

from teamcredit.analysis.models import Orientation

Label = TypeVar("Label", bound=Hashable)


@dataclass(frozen=True, slots=True)
class ClassScores:
    precision: float
    recall: float
    f1: float
    support: int


def _check(gold: Sequence[object], predicted: Sequence[object]) -> None:
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")


def class_scores(
    gold: Sequence[Orientation], predicted: Sequence[Orientation], label: Orientation
) -> ClassScores:
    _check(gold, predicted)
    pairs = list(zip(gold, predicted, strict=True))
    true_pos = sum(1 for g, p in pairs if g is p is label)
    false_pos = sum(1 for g, p in pairs if p is label and g is not label)
    false_neg = sum(1 for g, p in pairs if g is label and p is not label)
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
    denominator = 2 * true_pos + false_pos + false_neg
    f1 = 2 * true_pos / denominator if denominator else 0.0
    return ClassScores(precision, recall, f1, true_pos + false_neg)


def macro_f1(gold: Sequence[Orientation], predicted: Sequence[Orientation]) -> float:
    """Unweighted mean of per-class F1 over the classes present in gold or predictions."""
    _check(gold, predicted)
    classes = set(gold) | set(predicted)
    if not classes:
        return 0.0
    return sum(class_scores(gold, predicted, label).f1 for label in classes) / len(classes)


def confusion(
    gold: Sequence[Label], predicted: Sequence[Label], labels: Sequence[Label]
) -> list[list[int]]:
    """Rows are the gold labels, columns the predictions, both in `labels` order."""
    _check(gold, predicted)
    index = {label: position for position, label in enumerate(labels)}
    matrix = [[0] * len(labels) for _ in labels]
    for g, p in zip(gold, predicted, strict=True):
        matrix[index[g]][index[p]] += 1
    return matrix


def cohen_kappa(first: Sequence[Label], second: Sequence[Label]) -> float:
    """Agreement between two labellers beyond what their label frequencies give by chance."""
    _check(first, second)
    n = len(first)
    if n == 0:
        return 0.0
    observed = sum(1 for a, b in zip(first, second, strict=True) if a == b) / n
    labels = set(first) | set(second)
    expected = sum((first.count(label) / n) * (second.count(label) / n) for label in labels)
    if expected == 1.0:
        return 1.0
    return (observed - expected) / (1 - expected)


def expected_calibration_error(
    confidences: Sequence[float], correct: Sequence[bool], bins: int = 10
) -> float:
    """Mean |accuracy - confidence| over equal-width confidence bins, weighted by bin size."""
    _check(confidences, correct)
    if not confidences:
        return 0.0
    totals = [0] * bins
    hits = [0] * bins
    sums = [0.0] * bins
    for confidence, right in zip(confidences, correct, strict=True):
        index = min(bins - 1, int(confidence * bins))
        totals[index] += 1
        hits[index] += int(right)
        sums[index] += confidence
    n = len(confidences)
    return sum(
        abs(hits[b] / totals[b] - sums[b] / totals[b]) * totals[b] / n
        for b in range(bins)
        if totals[b]
    )


def bootstrap_interval(
    gold: Sequence[Label],
    predicted: Sequence[Label],
    measure: Callable[[list[Label], list[Label]], float],
    rounds: int = 1000,
    level: float = 0.95,
    seed: int = 7,
) -> tuple[float, float]:
    """The central `level` interval of `measure` over `rounds` resamples of the posts
    (drawn with replacement, seeded): how far the figure would move on another split of
    the same size. A split of 255 posts measures macro-F1 to about five points either
    way, so a change smaller than that is not shown by one split."""
    _check(gold, predicted)
    if not gold:
        raise ValueError("no posts to resample")
    random = Random(seed)
    n = len(gold)
    values = []
    for _ in range(rounds):
        picks = [random.randrange(n) for _ in range(n)]
        values.append(measure([gold[i] for i in picks], [predicted[i] for i in picks]))
    values.sort()
    tail = (1 - level) / 2
    return values[int(tail * rounds)], values[min(rounds - 1, int((1 - tail) * rounds))]
