from __future__ import annotations

import dataclasses

import pytest

from teamcredit.analysis.models import (
    FramingSignal,
    Orientation,
    SignalKind,
    TextSpan,
    new_signal,
)


def test_fast_signal_equals_the_regular_one() -> None:
    fast = new_signal(SignalKind.GRATITUDE, 3, 12, "thanks to", 1.5)
    slow = FramingSignal(SignalKind.GRATITUDE, TextSpan(3, 12, "thanks to"), 1.5)
    assert fast == slow
    assert hash(fast) == hash(slow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.span.start = 0  # type: ignore[misc]


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
