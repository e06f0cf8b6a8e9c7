"""The framing model: loading it, and turning features into a verdict."""

from __future__ import annotations

import random
from math import exp
from typing import Any

import pytest

from teamcredit.analysis.features import FEATURE_NAMES
from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.lexicon import supported_languages
from teamcredit.analysis.models import Contribution, Orientation
from teamcredit.analysis.scoring import (
    CLASSES,
    CONTRIBUTION_FLOOR,
    CONTRIBUTIONS_SHOWN,
    FramingModel,
    get_model,
    models,
    parse_model,
    rounded,
    top_contributions,
    verdict_of,
)


def weights(first: float = 1.0, balanced_intercept: float = 0.5) -> dict[str, Any]:
    n = len(FEATURE_NAMES)
    return {
        "coefficients": [[first] + [0.0] * (n - 1), [0.0] * n, [-first] + [0.0] * (n - 1)],
        "intercepts": [0.0, balanced_intercept, 0.0],
    }


def document(**changes: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "classes": [label.value for label in CLASSES],
        "features": list(FEATURE_NAMES),
        "languages": {"en": weights()},
        "temperature": 1.0,
        "calibration_bias": [0.0, 0.0, 0.0],
        "mixed_signals_below": 0.6,
    }
    return base | changes


def english_model(**changes: Any) -> FramingModel:
    return parse_model(document(**changes))["en"]


def test_the_shipped_model_loads_with_weights_for_every_lexicon() -> None:
    assert set(models()) == set(supported_languages())
    for language in supported_languages():
        loaded = get_model(language)
        assert len(loaded.coefficients) == 3 and loaded.temperature > 0


def test_each_language_is_weighed_with_its_own_coefficients() -> None:
    """The same features count differently in French and in Japanese; a tag with no
    lexicon of its own (read with the English patterns) gets the English weights."""
    parsed = parse_model(document(languages={"en": weights(1.0), "ja": weights(-1.0)}))
    features = [2.0] + [0.0] * (len(FEATURE_NAMES) - 1)
    english, japanese = parsed["en"].logits(features), parsed["ja"].logits(features)
    assert english[0] > english[2] and japanese[0] < japanese[2]
    assert get_model("pt") is get_model("en")
    assert get_model("ja") is not get_model("en")


def test_probabilities_sum_to_one_and_follow_the_coefficients() -> None:
    model = english_model()
    features = [2.0] + [0.0] * (len(FEATURE_NAMES) - 1)
    logits = model.logits(features)
    probabilities = model.probabilities(logits)
    assert sum(probabilities) == pytest.approx(1.0)
    orientation, score, confidence = verdict_of(logits, probabilities)
    assert orientation is Orientation.INDIVIDUAL
    assert score == pytest.approx(probabilities[0] - probabilities[2])
    assert confidence == max(probabilities)


def test_a_higher_temperature_lowers_the_confidence() -> None:
    features = [2.0] + [0.0] * (len(FEATURE_NAMES) - 1)
    sharp_model, soft_model = english_model(), english_model(temperature=3.0)
    sharp = sharp_model.probabilities(sharp_model.logits(features))
    soft = soft_model.probabilities(soft_model.logits(features))
    assert max(soft) < max(sharp)


def test_the_calibration_bias_lowers_the_confidence_but_keeps_the_verdict() -> None:
    """Balanced class weights make the rare BALANCED verdict likely enough to be found; its
    confidence comes from the calibrated probabilities, where the bias takes that back."""
    features = [0.0] * len(FEATURE_NAMES)  # only the intercepts speak: BALANCED by 0.5
    plain = english_model()
    biased = english_model(calibration_bias=[0.0, -1.0, 0.0])
    plain_logits, biased_logits = plain.logits(features), biased.logits(features)
    plain_verdict = verdict_of(plain_logits, plain.probabilities(plain_logits))
    biased_verdict = verdict_of(biased_logits, biased.probabilities(biased_logits))
    assert plain_verdict[0] is biased_verdict[0] is Orientation.BALANCED
    assert biased_verdict[2] < plain_verdict[2]
    assert biased_verdict[2] == pytest.approx(exp(-0.5) / (2 + exp(-0.5)))


def test_contributions_explain_the_verdict() -> None:
    model = english_model()
    features = [2.0] + [0.0] * (len(FEATURE_NAMES) - 1)
    contributions = model.contributions(features, Orientation.INDIVIDUAL)
    assert contributions[0] == pytest.approx(2.0)
    assert all(value == 0 for value in contributions[1:])


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"features": ["other"]}, "features"),
        ({"classes": ["INDIVIDUAL", "COLLECTIVE", "BALANCED"]}, "classes"),
        ({"languages": {"en": {"coefficients": [[0.0]], "intercepts": [0, 0, 0]}}}, "one row"),
        ({"languages": {"en": weights() | {"intercepts": [0.0]}}}, "intercepts"),
        ({"languages": {"fr": weights()}}, "languages"),
        ({"languages": None}, "languages"),
        ({"temperature": 0}, "temperature"),
        ({"mixed_signals_below": 1.5}, "mixed_signals_below"),
        ({"mixed_signals_below": None}, "mixed_signals_below"),
        ({"calibration_bias": [0.0]}, "calibration_bias"),
        ({"calibration_bias": None}, "calibration_bias"),
    ],
)
def test_a_model_that_does_not_fit_the_analyser_is_refused(
    changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        parse_model(document(**changes))


def test_mixed_signals_is_the_confidence_under_the_fitted_threshold() -> None:
    threshold = get_model().mixed_signals_below
    sure = analyze_framing("Thrilled to announce my promotion to Principal Engineer!")
    assert sure.confidence >= threshold and not sure.mixed_signals
    empty = analyze_framing("   ")
    assert empty.mixed_signals


def test_a_verdict_names_the_features_that_made_it() -> None:
    analysis = analyze_framing("Thrilled to announce I shipped Atlas!")
    assert analysis.contributions, "no contribution reported"
    values = [abs(c.value) for c in analysis.contributions]
    assert values == sorted(values, reverse=True)
    assert {c.feature for c in analysis.contributions} <= set(FEATURE_NAMES)
    # The announcement formula pushed towards INDIVIDUAL.
    pushes = {c.feature: c.value for c in analysis.contributions}
    assert pushes.get("self_promotion", 0) > 0


def test_rounding_is_rounds_to_an_integer_then_scales_back() -> None:
    # `rounded` rounds in floating point instead of calling `round`: the same results,
    # halves to even, -0.0 never (round's int has no sign), on the edges and at random.
    edges = [0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 0.0005, 0.0015]
    edges += [-0.0005, 1e-300, -1e-300, 0.4995, -0.4995, 2.0**52 - 0.5, -(2.0**52) + 0.5, 1e17]
    rng = random.Random(3)
    values = edges + [rng.uniform(-1.0, 1.0) for _ in range(20_000)]
    values += [rng.randint(-2000, 2000) / 2000.0 for _ in range(5_000)]  # halves, scaled
    values += [rng.uniform(-10.0, 10.0) * 10.0 ** rng.randint(-8, 8) for _ in range(5_000)]
    for value in values:
        for scale in (1000.0, 10000.0, 1.0):
            expected = round(value * scale) / scale
            got = rounded(value, scale)
            assert repr(got) == repr(expected), (value, scale)
    with pytest.raises(ValueError):
        rounded(float("nan"), 1000.0)


def top_by_repeated_passes(values: list[float]) -> tuple[Contribution, ...]:
    """The selection `top_contributions` made before it kept the top in one pass."""
    taken = [abs(value) < CONTRIBUTION_FLOOR for value in values]
    found: list[Contribution] = []
    while len(found) < CONTRIBUTIONS_SHOWN:
        best, best_size = -1, 0.0
        for index, value in enumerate(values):
            if not taken[index] and (best < 0 or abs(value) > best_size):
                best, best_size = index, abs(value)
        if best < 0:
            break
        taken[best] = True
        found.append(Contribution(FEATURE_NAMES[best], round(values[best] * 1000.0) / 1000.0))
    return tuple(found)


def test_the_strongest_contributions_are_those_of_a_full_sort() -> None:
    rng = random.Random(5)
    n = len(FEATURE_NAMES)
    cases = [[0.0] * n, [0.5] * n, [-0.5, 0.5] * (n // 2), [0.1] * n, [0.0999] * n]
    for _ in range(5_000):
        # Few distinct sizes, so that ties (which the earlier feature wins) are common.
        sizes = [0.0, 0.05, 0.1, 0.3, 0.7, 1.2] if rng.random() < 0.5 else []
        cases.append(
            [
                rng.choice(sizes) * rng.choice((1, -1)) if sizes else rng.gauss(0.0, 0.6)
                for _ in range(n)
            ]
        )
    for values in cases:
        assert top_contributions(values) == top_by_repeated_passes(values), values


def test_logits_sum_each_class_in_feature_order() -> None:
    # One loop for the three classes: each sum must still add its terms in order, so
    # that the logits are bit-identical to a plain dot product.
    rng = random.Random(7)
    n = len(FEATURE_NAMES)
    for _ in range(500):
        rows = [[rng.gauss(0.0, 2.0) for _ in range(n)] for _ in CLASSES]
        intercepts = [rng.gauss(0.0, 1.0) for _ in CLASSES]
        temperature = rng.uniform(0.5, 2.0)
        model = FramingModel(rows, intercepts, temperature, 0.5, [0.0, 0.0, 0.0])
        features = [rng.expovariate(1.0) for _ in range(n)]
        expected = []
        for row, intercept in zip(rows, intercepts, strict=True):
            total = intercept
            for weight, feature in zip(row, features, strict=True):
                total += weight * feature
            expected.append(total / temperature)
        assert model.logits(features) == expected
    with pytest.raises(ValueError, match="differ in length"):
        model.logits(features[:-1])


def test_the_models_top_contributions_are_those_of_its_contributions() -> None:
    # `FramingModel.top_contributions` selects from the products as it makes them; it must
    # answer as `top_contributions` over the list `contributions` returns, bit for bit.
    rng = random.Random(9)
    n = len(FEATURE_NAMES)
    shipped = list(models().values())
    for case in range(2_000):
        if case < len(shipped) * 20:
            model = shipped[case % len(shipped)]
        else:
            rows = [[rng.choice((0.0, 0.3, -0.3, rng.gauss(0.0, 1.0))) for _ in range(n)]]
            rows += [[rng.gauss(0.0, 1.0) for _ in range(n)] for _ in range(2)]
            model = FramingModel(rows, [0.0, 0.0, 0.0], rng.uniform(0.5, 2.0), 0.5, [0.0] * 3)
        features = [rng.choice((0.0, 1.0, rng.expovariate(1.0))) for _ in range(n)]
        for orientation in CLASSES:
            expected = top_contributions(model.contributions(features, orientation))
            got = model.top_contributions(features, orientation)
            assert [(c.feature, repr(c.value)) for c in got] == [
                (c.feature, repr(c.value)) for c in expected
            ]
    with pytest.raises(ValueError, match="differ in length"):
        model.top_contributions(features[:-1], Orientation.INDIVIDUAL)


def test_probabilities_take_the_first_largest_logit_as_max_does() -> None:
    model = english_model(calibration_bias=[0.0, 0.0, 0.0])
    rng = random.Random(3)
    for _ in range(500):
        logits = [rng.choice((0.0, -0.0, 1.5, rng.gauss(0.0, 3.0))) for _ in CLASSES]
        top = max(logits)
        exps = [exp(value - top) for value in logits]
        total = 0.0
        for value in exps:
            total += value
        assert model.probabilities(logits) == [value / total for value in exps]
