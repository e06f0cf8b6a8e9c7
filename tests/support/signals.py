"""Reading an analysis by the text of its signals' spans, for the framing unit tests."""

from __future__ import annotations

from teamcredit.analysis.models import FramingAnalysis, SignalKind


def kinds_of(analysis: FramingAnalysis, text: str) -> set[SignalKind]:
    """Kinds of the signals whose span text is `text` (case-insensitive)."""
    return {s.kind for s in analysis.signals if s.span.text.lower() == text.lower()}


def weights_of(analysis: FramingAnalysis, text: str) -> list[float]:
    """Weights of the signals whose span text is exactly `text`."""
    return [s.weight for s in analysis.signals if s.span.text == text]
