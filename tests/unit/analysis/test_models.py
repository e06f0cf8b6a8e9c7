from __future__ import annotations

import copy
import pickle

import pytest

from teamcredit.analysis import models
from teamcredit.analysis.models import (
    FramingSignal,
    Orientation,
    SignalKind,
    TextSpan,
)


def test_signals_are_immutable_values() -> None:
    signal = FramingSignal(SignalKind.GRATITUDE, TextSpan(3, 12, "thanks to"), 1.5)
    same = FramingSignal(SignalKind.GRATITUDE, TextSpan(3, 12, "thanks to"), 1.5)
    assert signal == same
    assert hash(signal) == hash(same)
    assert (signal.kind, signal.span.start, signal.span.text, signal.weight) == (
        SignalKind.GRATITUDE,
        3,
        "thanks to",
        1.5,
    )
    if models.__file__ and models.__file__.endswith(".py"):
        return  # TEAMCREDIT_PURE_PYTHON=1: Final attributes are then mypy's promise only
    with pytest.raises(AttributeError):
        signal.span.start = 0  # type: ignore[misc]


def test_signals_copy_and_pickle_as_values() -> None:
    signal = FramingSignal(SignalKind.MENTION, TextSpan(0, 4, "@Bob"), 1.0)
    for twin in (copy.copy(signal), copy.deepcopy(signal), pickle.loads(pickle.dumps(signal))):
        assert twin == signal
        assert twin.span == TextSpan(0, 4, "@Bob")


def test_enums_match_the_schema_names() -> None:
    assert [o.value for o in Orientation] == ["INDIVIDUAL", "BALANCED", "COLLECTIVE"]
    assert [k.value for k in SignalKind] == [
        "SELF_REFERENCE",
        "COLLECTIVE_REFERENCE",
        "TEAM_REFERENCE",
        "SELF_PROMOTION",
        "ACHIEVEMENT_CLAIM",
        "PERFORMATIVE_VULNERABILITY",
        "GRATITUDE",
        "MENTION",
    ]
