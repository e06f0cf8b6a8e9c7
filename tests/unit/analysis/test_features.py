"""The features the framing model weighs, on posts small enough to count by hand."""

from __future__ import annotations

from math import log1p

import pytest

from teamcredit.analysis.features import (
    FEATURE_NAMES,
    OPENING_CHARS,
    features_of,
    word_count,
)
from teamcredit.analysis.framing import scan_post
from teamcredit.analysis.models import FramingSignal, SignalKind, TextSpan
from teamcredit.analysis.roles import ROLE_FEATURES

NO_ROLES = [0.0] * len(ROLE_FEATURES)


def feature(text: str, name: str, language: str = "en") -> float:
    return scan_post(text, language).features[FEATURE_NAMES.index(name)]


def signal(kind: SignalKind, start: int, end: int, weight: float = 1.0) -> FramingSignal:
    return FramingSignal(kind, TextSpan(start, end, "x" * (end - start)), weight)


def test_one_value_per_name() -> None:
    assert len(features_of((), 10.0, 0, NO_ROLES)) == len(FEATURE_NAMES)
    assert len(set(FEATURE_NAMES)) == len(FEATURE_NAMES)


def test_thanks_that_name_someone_are_specific() -> None:
    assert feature("Huge thanks to Léa Martin and Omar for the schema work.", "named_thanks") > 0
    assert feature("Thanks to everyone who supported me along the way.", "named_thanks") == 0


def test_a_name_far_after_the_thanks_does_not_make_it_specific() -> None:
    far = [signal(SignalKind.GRATITUDE, 0, 6), signal(SignalKind.MENTION, 200, 204)]
    near = [signal(SignalKind.GRATITUDE, 0, 6), signal(SignalKind.MENTION, 20, 24)]
    index = FEATURE_NAMES.index("named_thanks")
    assert features_of(tuple(far), 60.0, 0, NO_ROLES)[index] == 0
    assert features_of(tuple(near), 60.0, 0, NO_ROLES)[index] == log1p(1)


def test_the_opening_hook_is_counted_apart() -> None:
    late = [signal(SignalKind.SELF_PROMOTION, OPENING_CHARS + 5, OPENING_CHARS + 20, 2.0)]
    early = [signal(SignalKind.SELF_PROMOTION, 0, 20, 2.0)]
    index = FEATURE_NAMES.index("opening_self")
    assert features_of(tuple(late), 80.0, 0, NO_ROLES)[index] == 0
    assert features_of(tuple(early), 80.0, 0, NO_ROLES)[index] == log1p(2.0)


def test_we_with_a_delivery_verb_is_a_collective_claim() -> None:
    assert feature("We shipped the new billing system.", "collective_claim") > 0
    assert feature("We are hiring.", "collective_claim") == 0
    assert feature("We are hiring.", "collective_reference") > 0


def test_density_is_per_hundred_words_on_a_log_scale() -> None:
    """A three-word post is all density: on a log scale it stays within reach of what
    real posts show, instead of an extreme the model would extrapolate from."""
    short = features_of((signal(SignalKind.SELF_REFERENCE, 0, 1, 1.0),), 10.0, 0, NO_ROLES)
    long = features_of((signal(SignalKind.SELF_REFERENCE, 0, 1, 1.0),), 300.0, 0, NO_ROLES)
    index = FEATURE_NAMES.index("self_density")
    assert short[index] > long[index] > 0
    assert short[index] == pytest.approx(log1p(100 / 30))
    assert long[index] == pytest.approx(log1p(100 / 320))


def test_words_are_estimated_from_characters() -> None:
    assert word_count("one two three four", spaced=True) == pytest.approx(18 / 6)
    assert word_count("私たちのチーム", spaced=False) == pytest.approx(7 / 2.5)


def test_the_log1p_shortcuts_give_log1p_bit_for_bit() -> None:
    # features_of skips the call for zeros and reads small counts from a table.
    from teamcredit.analysis.features import _log1p, _log1p_count

    for count in range(-3, 200):
        if count >= 0:
            assert repr(_log1p_count(count)) == repr(log1p(count)), count
    for value in (0.0, -0.0, 1e-300, 0.5, 1.0, 2.5, 1e6, -0.5):
        assert repr(_log1p(value)) == repr(log1p(value)), value
