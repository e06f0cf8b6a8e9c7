from __future__ import annotations

import copy
import pickle

import pytest

from teamcredit.analysis import models
from teamcredit.analysis.models import (
    Contribution,
    FramingAnalysis,
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


def test_a_span_cut_from_the_whole_post_is_the_same_value() -> None:
    # The analyser gives spans the whole post (whole=True) and cuts their text when read.
    post = "Merci à Léa 🚀 pour tout"
    cut = TextSpan(8, 11, post, whole=True)
    plain = TextSpan(8, 11, "Léa")
    assert cut.text == "Léa" and cut == plain and hash(cut) == hash(plain)
    assert repr(cut) == repr(plain) == "TextSpan(start=8, end=11, text='Léa')"
    for twin in (copy.copy(cut), copy.deepcopy(cut), pickle.loads(pickle.dumps(cut))):
        assert twin == plain and twin.text == "Léa"
    # Without it, the text is the span's own, whatever the offsets say.
    assert TextSpan(100, 103, "Léa").text == "Léa"


def test_an_analysis_is_a_value_like_the_dataclass_it_was() -> None:
    # A plain class since it was a frozen dataclass (models.py says why): compared, hashed,
    # copied and shown by its fields, in order, as the dataclass was.
    signals = (FramingSignal(SignalKind.SELF_REFERENCE, TextSpan(0, 1, "I"), 1.0),)
    contributions = (Contribution("self_reference", 0.812),)
    analysis = FramingAnalysis(
        Orientation.INDIVIDUAL, 0.5, 0.75, "en", 1, 0, signals, False, contributions
    )
    same = FramingAnalysis(
        orientation=Orientation.INDIVIDUAL,
        score=0.5,
        confidence=0.75,
        language="en",
        self_references=1,
        collective_references=0,
        signals=signals,
        mixed_signals=False,
        contributions=contributions,
    )
    assert analysis == same and hash(analysis) == hash(same)
    assert analysis != FramingAnalysis(
        Orientation.INDIVIDUAL, 0.5, 0.75, "en", 1, 0, signals, True, contributions
    )
    assert FramingAnalysis(Orientation.BALANCED, 0.0, 0.0, "en", 0, 0, (), True).contributions == ()
    for twin in (
        copy.copy(analysis),
        copy.deepcopy(analysis),
        pickle.loads(pickle.dumps(analysis)),
    ):
        assert twin == analysis
    assert repr(analysis) == (
        "FramingAnalysis(orientation=<Orientation.INDIVIDUAL: 'INDIVIDUAL'>, score=0.5, "
        "confidence=0.75, language='en', self_references=1, collective_references=0, "
        f"signals={signals!r}, mixed_signals=False, contributions={contributions!r})"
    )
    if models.__file__ and models.__file__.endswith(".py"):
        return  # TEAMCREDIT_PURE_PYTHON=1: Final attributes are then mypy's promise only
    with pytest.raises(AttributeError):
        analysis.score = 0.0  # type: ignore[misc]


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
