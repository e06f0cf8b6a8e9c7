"""Turn a post's features into a verdict, a score and a calibrated confidence.

The model is a multinomial logistic regression over the features of `features.py`,
fitted offline on the training part of the real-post corpus (tests/data/framing/) by
`python -m teamcredit.training.fit`, which writes data/framing/model.json. Each language
has its own coefficients (the shared ones plus that language's fitted deviation): its
lexicon is a different instrument. Here the model is only evaluated: three dot products
and a softmax, so the verdict stays deterministic, offline and explainable (each
feature's contribution is its value times its coefficient).

The verdict is the class with the highest logit. The model is fitted with balanced class
weights, so that the rare BALANCED posts are found at all; that makes its raw
probabilities overrate BALANCED. The confidence therefore comes from calibrated
probabilities: the logits divided by the model's temperature, plus a bias per class,
both fitted on held-out posts so that a post given confidence c is right about c of the
time (docs/framing.md, Calibration). The confidence is the calibrated probability of the
verdict. Below the model's `mixed_signals_below`, fitted on the same held-out posts, the
verdict is not shown: the clients say "mixed signals" instead.
"""

from __future__ import annotations

import json
from functools import cache
from math import exp
from typing import Final

from teamcredit.analysis.features import FEATURE_NAMES
from teamcredit.analysis.language import FALLBACK_LANGUAGE
from teamcredit.analysis.models import Contribution, Orientation
from teamcredit.analysis.resources import read_text

# Quoted words are someone else's: they still show as evidence, at this fraction of weight.
QUOTE_FACTOR: Final = 0.2
MENTION_WEIGHT: Final = 1.0
# A name as the subject of a piece of the work ("Léa designed the schema").
NAMED_CLAIM_WEIGHT: Final = 1.5
# With no lexicon for the post's language (an unsupported tag), English patterns still
# run: the verdict is kept but its confidence is halved.
FALLBACK_FACTOR: Final = 0.5

CLASSES: Final = (Orientation.INDIVIDUAL, Orientation.BALANCED, Orientation.COLLECTIVE)
# CLASSES as a plain tuple, to index with a variable (see `_FEATURE_NAMES` below).
_CLASSES: Final[tuple[Orientation, ...]] = CLASSES


class _FeatureWeights:
    """One feature's coefficient for each class, in `CLASSES` order.

    Attributes, not three lists: compiled, a float attribute is a plain double, where each
    read of a list's float is a call that unwraps it (docs/framing.md, Speed)."""

    __slots__ = ("balanced", "collective", "individual")

    def __init__(self, individual: float, balanced: float, collective: float) -> None:
        self.individual: Final = individual
        self.balanced: Final = balanced
        self.collective: Final = collective


class FramingModel:
    """Coefficients per class (in `CLASSES` order) over the features, the temperature and the
    bias per class that calibrate the confidence, and the confidence below which no verdict
    is shown."""

    __slots__ = (
        "by_feature",
        "calibration_bias",
        "coefficients",
        "intercepts",
        "mixed_signals_below",
        "relative",
        "temperature",
    )

    def __init__(
        self,
        coefficients: list[list[float]],
        intercepts: list[float],
        temperature: float,
        mixed_signals_below: float,
        calibration_bias: list[float],
    ) -> None:
        self.coefficients: Final = coefficients
        self.intercepts: Final = intercepts
        self.temperature: Final = temperature
        self.calibration_bias: Final = calibration_bias
        self.mixed_signals_below: Final = mixed_signals_below
        # Per class, each coefficient minus the three classes' mean, over the temperature:
        # what one unit of a feature adds to that class against the others.
        means = [sum(column) / len(coefficients) for column in zip(*coefficients, strict=True)]
        # Typed: inferred from the zip, the rows held Any, and each product of
        # `contributions` was a generic call instead of a multiplication.
        self.relative: Final[list[list[float]]] = [
            [(weight - mean) / temperature for weight, mean in zip(row, means, strict=True)]
            for row in coefficients
        ]
        # The coefficients feature by feature, as `logits` reads them.
        first, second, third = coefficients
        self.by_feature: Final = [
            _FeatureWeights(first[index], second[index], third[index])
            for index in range(len(first))
        ]

    # The loops below index instead of zipping: compiled, a zip makes a tuple per pair, and
    # these run for every post (docs/framing.md, Speed). Sums keep the same order.
    def logits(self, features: list[float]) -> list[float]:
        # The three classes' sums in one loop, so that each feature is unboxed once, not
        # once per class; each sum still adds its terms in feature order.
        by_feature = self.by_feature
        n = len(features)
        if len(by_feature) != n:
            raise ValueError("features and coefficients differ in length")
        total_first, total_second, total_third = self.intercepts
        for index in range(n):
            feature = features[index]
            weights = by_feature[index]
            total_first += weights.individual * feature
            total_second += weights.balanced * feature
            total_third += weights.collective * feature
        temperature = self.temperature
        return [total_first / temperature, total_second / temperature, total_third / temperature]

    def probabilities(self, logits: list[float]) -> list[float]:
        """The calibrated probabilities of the classes, from `logits(features)`."""
        bias = self.calibration_bias
        calibrated = [logits[index] + bias[index] for index in range(len(bias))]
        # `max(calibrated)` written out (the first of equal values, as max keeps):
        # compiled, the builtin is a call through Python, about 1,300 instructions.
        top = calibrated[0]
        for value in calibrated:
            if value > top:
                top = value
        exps = [exp(value - top) for value in calibrated]
        total = 0.0
        for value in exps:
            total += value
        return [value / total for value in exps]

    def contributions(self, features: list[float], orientation: Orientation) -> list[float]:
        """Each feature's push towards `orientation`, against the mean of the three classes."""
        row = self.relative[_class_index(orientation)]
        return [row[index] * features[index] for index in range(len(row))]

    def top_contributions(
        self, features: list[float], orientation: Orientation
    ) -> tuple[Contribution, ...]:
        """`top_contributions(self.contributions(features, orientation))`, the same values
        in the same order, without the list of contributions: compiled, each of its values
        was a float object made, read back and freed (test_scoring.py holds the two to the
        same answers)."""
        row = self.relative[_class_index(orientation)]
        if len(features) != len(row):
            raise ValueError("features and coefficients differ in length")
        return _strongest(row, features)


def _class_index(orientation: Orientation) -> int:
    """`CLASSES.index(orientation)`, by identity: compiled, `index` is a method call through
    Python and its comparisons go through the enum's `__eq__`."""
    for index in range(len(_CLASSES)):
        if _CLASSES[index] is orientation:
            return index
    raise ValueError(f"{orientation!r} is not a class of the model")


def _float_rows(raw: object, language: str) -> list[list[float]]:
    if not isinstance(raw, list) or len(raw) != len(CLASSES):
        raise ValueError(f"model coefficients for {language!r} must be one row per class")
    rows = [[float(value) for value in row] for row in raw]
    if any(len(row) != len(FEATURE_NAMES) for row in rows):
        raise ValueError(f"model coefficients for {language!r} must be one column per feature")
    return rows


def parse_model(document: dict[str, object]) -> dict[str, FramingModel]:
    """One model per language tag; they share the calibration and the threshold."""
    names = document.get("features")
    classes = document.get("classes")
    if names != list(FEATURE_NAMES):
        raise ValueError(f"model features {names} differ from the analyser's {FEATURE_NAMES}")
    if classes != [label.value for label in CLASSES]:
        raise ValueError(f"model classes {classes} differ from {[c.value for c in CLASSES]}")
    temperature = document.get("temperature", 1.0)
    if not isinstance(temperature, int | float) or temperature <= 0:
        raise ValueError("model temperature must be positive")
    threshold = document.get("mixed_signals_below")
    if not isinstance(threshold, int | float) or not 0 <= threshold <= 1:
        raise ValueError("model mixed_signals_below must be a confidence between 0 and 1")
    raw_bias = document.get("calibration_bias")
    if not isinstance(raw_bias, list) or len(raw_bias) != len(CLASSES):
        raise ValueError("model calibration_bias must be one number per class")
    languages = document.get("languages")
    if not isinstance(languages, dict) or FALLBACK_LANGUAGE not in languages:
        raise ValueError(
            f"model languages must map language tags, {FALLBACK_LANGUAGE!r} among them"
        )
    parsed: dict[str, FramingModel] = {}
    for language, weights in languages.items():
        if not isinstance(weights, dict):
            raise ValueError(f"model weights for {language!r} must be an object")
        intercepts = weights.get("intercepts")
        if not isinstance(intercepts, list) or len(intercepts) != len(CLASSES):
            raise ValueError(f"model intercepts for {language!r} must be one number per class")
        parsed[str(language)] = FramingModel(
            _float_rows(weights.get("coefficients"), str(language)),
            [float(value) for value in intercepts],
            float(temperature),
            float(threshold),
            [float(value) for value in raw_bias],
        )
    return parsed


@cache
def models() -> dict[str, FramingModel]:
    """The shipped model of each language (data/framing/model.json)."""
    document = json.loads(read_text("framing", "model.json"))
    if not isinstance(document, dict):
        raise ValueError("data/framing/model.json must hold an object")
    return parse_model(document)


def get_model(language: str = FALLBACK_LANGUAGE) -> FramingModel:
    """The model for posts in `language`. A tag with no lexicon of its own was read with
    the English patterns (`framing.scan_post`), so the English weights weigh what they found."""
    shipped = models()
    model = shipped.get(language)
    return shipped[FALLBACK_LANGUAGE] if model is None else model


# Contributions smaller than this (in logits) are not reported: they did not make the call.
CONTRIBUTION_FLOOR: Final = 0.1
# At most this many contributions are reported, strongest first.
CONTRIBUTIONS_SHOWN: Final = 5


# 2**52: from there on a double holds only integers, so adding it rounds a smaller value to
# an integer, half to even, as `round` does.
_INTEGRAL: Final = 4503599627370496.0


def rounded(value: float, scale: float) -> float:
    """`value` to the nearest multiple of 1 / `scale` (1000.0: three decimals).

    Not `round(value, 3)`: that is correctly rounded through a decimal conversion, which
    cost about a tenth of the whole analysis for the handful of numbers a post reports.
    The two differ only when a digit sits exactly on a half, in the last place shown.

    `round(value * scale) / scale`, with the rounding to an integer done in floating
    point: compiled, `round` is a call through the builtins module that builds an int,
    about 1,200 instructions. Below 2**52 the addition below rounds exactly as `round`
    does (to nearest, half to even), and gives 0.0, not -0.0, for small negative values,
    as `round`'s int does; anything else (never a post's numbers) goes to `round`.
    test_scoring.py holds the two to the same results."""
    scaled = value * scale
    if 0.0 <= scaled < _INTEGRAL:
        return ((scaled + _INTEGRAL) - _INTEGRAL) / scale
    if -_INTEGRAL < scaled < 0.0:
        return ((scaled - _INTEGRAL) + _INTEGRAL) / scale
    return round(scaled) / scale


# FEATURE_NAMES as a plain tuple: compiled, the Final one is a C struct of 18 fields, and
# indexing it with a variable rebuilt the tuple for every read.
_FEATURE_NAMES: Final[tuple[str, ...]] = FEATURE_NAMES


def top_contributions(values: list[float]) -> tuple[Contribution, ...]:
    """The strongest contributions, largest first (the earlier feature first on a tie)."""
    # Times 1.0 changes no float: the values as they are.
    return _strongest(values, [1.0] * len(values))


def _strongest(row: list[float], features: list[float]) -> tuple[Contribution, ...]:
    """`top_contributions` of the products `row[i] * features[i]`, each made where it is
    read rather than kept in a list."""
    # One pass that keeps the strongest few in order, each value computed once: five passes
    # over all of them cost about 8k instructions a post, compiled.
    shown: list[int] = []  # feature indices, strongest first
    sizes: list[float] = []  # their absolute values, in the same order
    for index in range(len(row)):
        size = abs(row[index] * features[index])
        if size < CONTRIBUTION_FLOOR:
            continue
        # After every kept value at least as large: an earlier feature wins a tie.
        at = len(sizes)
        while at > 0 and sizes[at - 1] < size:
            at -= 1
        if at < CONTRIBUTIONS_SHOWN:
            shown.insert(at, index)
            sizes.insert(at, size)
            if len(shown) > CONTRIBUTIONS_SHOWN:
                shown.pop()
                sizes.pop()
    return tuple(
        [
            Contribution(_FEATURE_NAMES[index], rounded(row[index] * features[index], 1000.0))
            for index in shown
        ]
    )


def verdict_of(logits: list[float], probabilities: list[float]) -> tuple[Orientation, float, float]:
    """(orientation, score, confidence before any language factor): the class with the
    highest logit, and the calibrated probabilities' view of it.

    score = P(individual) - P(collective), in [-1, 1]: +1 fully individual."""
    best = 0
    for index in range(1, len(logits)):
        if logits[index] > logits[best]:
            best = index
    score = probabilities[0] - probabilities[2]
    return CLASSES[best], score, probabilities[best]
