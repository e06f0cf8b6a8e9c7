"""Fit the framing model on the corpus' train and validation splits; write model.json.

    .venv/bin/python -m teamcredit.training.fit            # writes data/framing/model.json
    .venv/bin/python -m teamcredit.training.fit --check    # fails if the file is stale

A multinomial logistic regression (scikit-learn) over the features of
`teamcredit.analysis.features`, with balanced class weights (BALANCED and COLLECTIVE posts
are rarer than INDIVIDUAL ones in the wild). Each language gets its own weights: the
shared weights plus a language's own deviation from them, which the fit penalises more
(`LANGUAGE_SHRINK`), so that a language with few posts stays close to the shared ones.
Its lexicon is a different instrument: Japanese drops "I", German capitalises every noun,
and each list covers its language to its own depth. The regularisation strength is chosen
by 5-fold cross-validation, scored on the posts no lexicon rule came from (the validation
split and the retired test splits nobody mined; `CorpusPost.lexicon_unread`,
docs/framing.md); the temperature and per-class bias that calibrate the confidence, and
the mixed-signals threshold, are fitted on the same folds' verdicts on those posts. The
test split and the reserve are never read here.

scikit-learn is a development dependency: the service only evaluates the shipped
coefficients (teamcredit.analysis.scoring).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import minimize
from scipy.special import log_softmax
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from teamcredit.analysis.evaluation import macro_f1
from teamcredit.analysis.features import FEATURE_NAMES, LEXICON_COUNTS
from teamcredit.analysis.framing import scan_post
from teamcredit.analysis.lexicon import supported_languages
from teamcredit.analysis.models import Orientation
from teamcredit.analysis.resources import data_file
from teamcredit.analysis.scoring import CLASSES
from teamcredit.training.artifact import write_or_check
from teamcredit.training.corpus import CorpusPost, in_split, load_corpus, load_devset

FOLDS = 5
SEED = 7
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
# Scores closer than this are fold noise (another shuffle of the folds moves them about as
# much), so the strongest regularisation within it of the best wins: on 2,538 posts the
# grid spanned 0.614-0.622, and the plain maximum jumped from C=0.03 to C=10.
C_TOLERANCE = 0.01
# How much one written post counts against one real post when fitting. The written posts
# are the only short, LinkedIn-formula posts the fit sees (real ones are mostly blogs of
# a thousand characters); at 0.5 "I shipped Atlas" drifted to BALANCED, and the
# cross-validated figure on real posts is the same at 1.0 (docs/framing.md).
WRITTEN_WEIGHT = 1.0
# The clients show a verdict only where it is right at least this often on held-out posts;
# below the fitted confidence they say "mixed signals" (docs/framing.md). A hint that is
# wrong one time in five still teaches readers to ignore it: at 0.8 the threshold sat at
# the grid's floor and the verdicts shown were right 76-86% of the time on fresh posts.
# Held-out precision runs a few points above the fresh figure, hence nine in ten here.
SHOWN_PRECISION = 0.9
# From 0.5 up: a verdict shown is then also the calibrated probabilities' most likely class.
THRESHOLD_GRID = tuple(round(0.50 + 0.05 * step, 2) for step in range(7))  # 0.50 ... 0.80
# A language's deviation from the shared weights is penalised as if its feature were this
# much smaller (1 / 0.3**2, about 11 times the shared weights' penalty), so that a
# language of 250 posts stays near the shared weights unless its posts insist.
LANGUAGE_SHRINK = 0.3
# The features a language may weigh its own way: the counts of what its own phrase lists
# read, which cover their language to different depths (Japanese drops "I"; French has
# twice the phrases of German). Names are found the same way in every language (capitals,
# @mentions), and the length, densities and ratios mean the same everywhere: those stay
# shared, and so do the intercepts (how many posts of each class we happened to find per
# language says nothing about the next post). With names or intercepts per language too,
# short clear posts of the written dev set and the demo drifted to BALANCED; these eight
# scored best on the posts no lexicon rule came from (docs/framing.md).
LANGUAGE_FEATURES = LEXICON_COUNTS
MODEL_PATH = Path(str(data_file("framing", "model.json")))

Matrix = NDArray[np.float64]
Languages = NDArray[np.str_]


@dataclass(frozen=True, slots=True)
class Fitted:
    # Per language: one row per class of CLASSES, in raw feature units.
    coefficients: dict[str, Matrix]
    intercepts: dict[str, NDArray[np.float64]]

    def logits(self, features: Matrix, languages: Languages) -> Matrix:
        result: Matrix = np.zeros((len(features), len(CLASSES)))
        for language, coefficients in self.coefficients.items():
            rows = languages == language
            result[rows] = features[rows] @ coefficients.T + self.intercepts[language]
        return result


@dataclass(frozen=True, slots=True)
class Scanned:
    """What the fit sees of some posts: their features and the language the analyser
    detected (it is given none in the evaluation, so none here either)."""

    features: Matrix
    languages: Languages

    def rows(self, index: NDArray[np.int64]) -> Scanned:
        return Scanned(self.features[index], self.languages[index])

    def stack(self, other: Scanned) -> Scanned:
        return Scanned(
            np.vstack([self.features, other.features]),
            np.concatenate([self.languages, other.languages]),
        )


def scanned(posts: Sequence[CorpusPost]) -> Scanned:
    scans = [scan_post(post.text, None, post.mentions) for post in posts]
    return Scanned(
        np.array([scan.features for scan in scans]).reshape(len(scans), len(FEATURE_NAMES)),
        np.array([scan.language for scan in scans], dtype=np.str_),
    )


def targets(posts: Sequence[CorpusPost]) -> NDArray[np.int64]:
    return np.array([CLASSES.index(post.label) for post in posts], dtype=np.int64)


_DEVIATING = np.array([FEATURE_NAMES.index(name) for name in LANGUAGE_FEATURES])


def _design(data: Scanned, languages: Sequence[str]) -> Matrix:
    """[all features | the deviating features of the language's posts, one block per
    language, zero elsewhere]."""
    deviating = data.features[:, _DEVIATING]
    blocks = [deviating * (data.languages == language)[:, None] for language in languages]
    return np.hstack([data.features, *blocks])


def fit(
    data: Scanned, labels: NDArray[np.int64], c: float, weights: Matrix | None = None
) -> Fitted:
    """Standardise, fit the shared weights and each language's deviation, and fold the
    scaling back into one coefficient matrix per language."""
    languages = supported_languages()
    design = _design(data, languages)
    # The shipped model's columns are FEATURE_NAMES; an experiment may append its own
    # (bench/sentence_roles.py), which share the weights across languages.
    k, d = data.features.shape[1], len(_DEVIATING)
    mean = design.mean(axis=0)
    scale = design.std(axis=0)
    scale[scale == 0] = 1.0
    shrink = np.ones(design.shape[1])
    shrink[k:] = LANGUAGE_SHRINK
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=5000)
    model.fit((design - mean) / scale * shrink, labels, sample_weight=weights)
    raw = np.zeros((len(CLASSES), design.shape[1]))
    intercepts = np.full(len(CLASSES), -30.0)
    # Classes absent from a small fold keep -inf-like logits through a large negative bias.
    for row, label in enumerate(model.classes_):
        raw[label] = model.coef_[row] * shrink / scale
        intercepts[label] = model.intercept_[row] - float(np.sum(raw[label] * mean))
    coefficients: dict[str, Matrix] = {}
    for index, language in enumerate(languages):
        own = raw[:, :k].copy()
        own[:, _DEVIATING] += raw[:, k + index * d : k + (index + 1) * d]
        coefficients[language] = own
    return Fitted(coefficients, {language: intercepts for language in languages})


def _folds(labels: NDArray[np.int64]) -> list[tuple[NDArray[np.int64], NDArray[np.int64]]]:
    splitter = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    return list(splitter.split(np.zeros(len(labels)), labels))


@dataclass(frozen=True, slots=True)
class Extra:
    """Posts every fold trains on but none is scored on: the written dev set."""

    data: Scanned
    labels: NDArray[np.int64]
    weight: float = WRITTEN_WEIGHT


NO_EXTRA = Extra(
    Scanned(np.zeros((0, len(FEATURE_NAMES))), np.zeros(0, dtype=np.str_)),
    np.zeros(0, dtype=np.int64),
)


def _stacked(
    data: Scanned, labels: NDArray[np.int64], extra: Extra
) -> tuple[Scanned, NDArray[np.int64], Matrix]:
    if not len(extra.labels):
        return data, labels, np.ones(len(labels))
    weights = np.concatenate([np.ones(len(labels)), np.full(len(extra.labels), extra.weight)])
    return data.stack(extra.data), np.concatenate([labels, extra.labels]), weights


def out_of_fold_logits(
    data: Scanned, labels: NDArray[np.int64], c: float, extra: Extra = NO_EXTRA
) -> Matrix:
    logits = np.zeros((len(labels), len(CLASSES)))
    for train, held_out in _folds(labels):
        stacked, stacked_labels, weights = _stacked(data.rows(train), labels[train], extra)
        fitted = fit(stacked, stacked_labels, c, weights)
        held = data.rows(held_out)
        logits[held_out] = fitted.logits(held.features, held.languages)
    return logits


def _orientations(indices: NDArray[np.int64]) -> list[Orientation]:
    return [CLASSES[int(index)] for index in indices]


def scored_macro_f1(
    logits: Matrix, labels: NDArray[np.int64], scored: NDArray[np.bool_] | None = None
) -> float:
    """Macro-F1 of the logits' verdicts, on the `scored` posts only if given."""
    predicted = logits.argmax(axis=1)
    if scored is not None:
        predicted, labels = predicted[scored], labels[scored]
    return macro_f1(_orientations(labels), _orientations(predicted))


@dataclass(frozen=True, slots=True)
class Calibration:
    """What turns logits into calibrated probabilities: softmax(logits / temperature + bias)."""

    temperature: float
    bias: NDArray[np.float64]  # per class; the first is 0

    def log_probabilities(self, logits: Matrix) -> Matrix:
        result: Matrix = log_softmax(logits / self.temperature + self.bias, axis=1)
        return result

    def confidence(self, logits: Matrix) -> NDArray[np.float64]:
        """The calibrated probability of each verdict (the class with the highest logit)."""
        verdicts = logits.argmax(axis=1)
        result: NDArray[np.float64] = np.exp(
            self.log_probabilities(logits)[np.arange(len(logits)), verdicts]
        )
        return result


def fit_calibration(logits: Matrix, labels: NDArray[np.int64]) -> Calibration:
    """The temperature and the per-class bias that minimise the held-out negative
    log-likelihood. The bias undoes what the balanced class weights did to the rare
    classes' probabilities; the verdicts stay those of the balanced fit."""

    def unpack(parameters: NDArray[np.float64]) -> Calibration:
        return Calibration(float(np.exp(parameters[0])), np.concatenate([[0.0], parameters[1:]]))

    def nll(parameters: NDArray[np.float64]) -> float:
        log_probabilities = unpack(parameters).log_probabilities(logits)
        return float(-log_probabilities[np.arange(len(labels)), labels].mean())

    found = minimize(nll, np.zeros(len(CLASSES)), method="L-BFGS-B")
    fitted = unpack(found.x)
    return Calibration(round(fitted.temperature, 4), np.round(fitted.bias, 4))


def extra_of(written: Sequence[CorpusPost]) -> Extra:
    if not written:
        return NO_EXTRA
    return Extra(scanned(written), targets(written))


def mixed_signals_threshold(
    logits: Matrix, labels: NDArray[np.int64], calibration: Calibration
) -> float:
    """The lowest confidence at which the verdicts shown are right `SHOWN_PRECISION` of the
    time on these held-out posts (the highest of the grid if none reaches it)."""
    confidence = calibration.confidence(logits)
    right = logits.argmax(axis=1) == labels
    for threshold in THRESHOLD_GRID:
        shown = confidence >= threshold
        if shown.any() and right[shown].mean() >= SHOWN_PRECISION:
            return threshold
    return THRESHOLD_GRID[-1]


def unread_mask(posts: Sequence[CorpusPost]) -> NDArray[np.bool_]:
    """The posts no lexicon rule came from (`CorpusPost.lexicon_unread`), or every post if
    none or all are.

    The lexicons grew from the train split's misses, so out-of-fold predictions on those
    posts are surer than they should be (on held-out posts the confidence ran 6 points above
    the accuracy, and cross-validated macro-F1 12 points above the test figure)."""
    unread = np.array([post.lexicon_unread for post in posts], dtype=np.bool_)
    if unread.all() or not unread.any():
        return np.ones(len(posts), dtype=np.bool_)
    return unread


def _rounded(matrix: Matrix) -> list[list[float]]:
    return [[round(float(v), 6) for v in row] for row in matrix]


def train(posts: Sequence[CorpusPost], written: Sequence[CorpusPost] = ()) -> dict[str, Any]:
    """The model document for `posts` (train and validation splits only).

    `written` (the in-house dev set) joins every fold's training data at half weight, never
    its scoring: real posts are mostly blogs, speeches and notes, and the written posts carry
    the short LinkedIn formulas the extension meets. Cross-validation scores real posts only
    (docs/framing.md gives the figure with and without them).
    """
    if any(post.split in ("test", "reserve") for post in posts):
        raise ValueError("the test split and the reserve are locked: they are never fitted on")
    data = scanned(posts)
    labels = targets(posts)
    extra = extra_of(written)
    unread = unread_mask(posts)
    logits = {c: out_of_fold_logits(data, labels, c, extra) for c in C_GRID}
    scores = {c: scored_macro_f1(logits[c], labels, unread) for c in C_GRID}
    best = max(scores.values())
    best_c = min(c for c in C_GRID if scores[c] >= best - C_TOLERANCE)
    # Each fold's model saw four fifths of the posts: close to the shipped one.
    calibration = fit_calibration(logits[best_c][unread], labels[unread])
    threshold = mixed_signals_threshold(logits[best_c][unread], labels[unread], calibration)
    stacked, stacked_labels, weights = _stacked(data, labels, extra)
    fitted = fit(stacked, stacked_labels, best_c, weights)
    return {
        "produced_by": "python -m teamcredit.training.fit",
        "method": "multinomial logistic regression, balanced class weights, shared weights "
        "plus a shrunk deviation per language; temperature, per-class calibration bias and "
        "mixed-signals threshold fitted on out-of-fold verdicts on the posts no lexicon rule "
        "came from",
        "trained_on": {
            "posts": len(posts),
            "per_class": {label.value: int((labels == i).sum()) for i, label in enumerate(CLASSES)},
            "per_language": {
                language: int((data.languages == language).sum())
                for language in supported_languages()
            },
            "written_posts": len(written),
            "written_weight": extra.weight if written else 0.0,
        },
        "c": best_c,
        "language_shrink": LANGUAGE_SHRINK,
        "language_features": list(LANGUAGE_FEATURES),
        "cv_macro_f1": round(scored_macro_f1(logits[best_c], labels), 4),
        "cv_macro_f1_unread": round(scores[best_c], 4),
        "temperature": calibration.temperature,
        "calibration_bias": [float(v) for v in calibration.bias],
        "mixed_signals_below": threshold,
        "shown_precision": SHOWN_PRECISION,
        "classes": [label.value for label in CLASSES],
        "features": list(FEATURE_NAMES),
        "languages": {
            language: {
                "coefficients": _rounded(fitted.coefficients[language]),
                "intercepts": [round(float(v), 6) for v in fitted.intercepts[language]],
            }
            for language in supported_languages()
        },
    }


def get_c() -> float:
    """The regularisation strength the shipped model was fitted with."""
    return float(json.loads(MODEL_PATH.read_text(encoding="utf-8"))["c"])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="fail if model.json is stale")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    posts = in_split(load_corpus(), "train", "validation")
    return write_or_check(
        train(posts, load_devset()), args.out, args.check, "teamcredit.training.fit"
    )


if __name__ == "__main__":
    raise SystemExit(main())
