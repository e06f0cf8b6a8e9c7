"""Value types returned by the analysis core.

Field names are the snake_case twins of the GraphQL names in the schema sketch, so the API
layer can map them one to one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Final


class Orientation(str, Enum):
    INDIVIDUAL = "INDIVIDUAL"
    BALANCED = "BALANCED"
    COLLECTIVE = "COLLECTIVE"


class SignalKind(str, Enum):
    SELF_REFERENCE = "SELF_REFERENCE"
    COLLECTIVE_REFERENCE = "COLLECTIVE_REFERENCE"
    TEAM_REFERENCE = "TEAM_REFERENCE"
    SELF_PROMOTION = "SELF_PROMOTION"
    ACHIEVEMENT_CLAIM = "ACHIEVEMENT_CLAIM"
    PERFORMATIVE_VULNERABILITY = "PERFORMATIVE_VULNERABILITY"
    GRATITUDE = "GRATITUDE"
    MENTION = "MENTION"


class CultureOrientation(str, Enum):
    INDIVIDUALIST = "INDIVIDUALIST"
    MIXED = "MIXED"
    COLLECTIVIST = "COLLECTIVIST"


class _Value:
    """Equality, hashing and copying by `_key()`, the fields `__init__` takes, in order.

    The span and the signal are plain classes with Final attributes, not frozen
    dataclasses: the analyser is compiled with mypyc (see setup.py), which builds such a
    class in about 30 ns against 420 ns for a frozen dataclass, and a post yields dozens
    of them. Compiled, their attributes are read-only at run time; mypy enforces it
    everywhere.
    """

    __slots__ = ()

    def _key(self) -> tuple[object, ...]:
        raise NotImplementedError

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, _Value) or type(other) is not type(self):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __reduce__(self) -> tuple[type[_Value], tuple[object, ...]]:
        # copy and pickle rebuild through __init__ (compiled classes have no __dict__).
        return type(self), self._key()


class TextSpan(_Value):
    """A slice of the analysed text; offsets count Unicode code points, not UTF-16 units.

    `text` is the span's own text, or, with `whole=True`, the whole text the offsets point
    into: the analyser passes the post, and the span's text is cut from it when read. A
    post yields dozens of spans, copying each hit's characters cost about 10k instructions
    a post, and a caller that keeps only the verdict (ingest) never reads them.
    """

    __slots__ = ("_source", "_whole", "end", "start")

    def __init__(self, start: int, end: int, text: str, whole: bool = False) -> None:
        self.start: Final = start
        self.end: Final = end
        self._source: Final = text
        self._whole: Final = whole

    @property
    def text(self) -> str:
        # Cut on every read rather than cached: the span stays immutable and thread-safe.
        return self._source[self.start : self.end] if self._whole else self._source

    def _key(self) -> tuple[int, int, str]:
        return self.start, self.end, self.text

    def __repr__(self) -> str:
        return f"TextSpan(start={self.start}, end={self.end}, text={self.text!r})"


class FramingSignal(_Value):
    __slots__ = ("kind", "span", "weight")

    def __init__(self, kind: SignalKind, span: TextSpan, weight: float) -> None:
        self.kind: Final = kind
        self.span: Final = span
        self.weight: Final = weight

    def _key(self) -> tuple[SignalKind, TextSpan, float]:
        return self.kind, self.span, self.weight

    def __repr__(self) -> str:
        return f"FramingSignal(kind={self.kind}, span={self.span!r}, weight={self.weight})"


class Contribution(_Value):
    """How much one feature of the model pushed the post towards its verdict (in logits,
    against the mean of the three classes): what made the call, beside the spans."""

    __slots__ = ("feature", "value")

    def __init__(self, feature: str, value: float) -> None:
        self.feature: Final = feature
        self.value: Final = value

    def _key(self) -> tuple[str, float]:
        return self.feature, self.value

    def __repr__(self) -> str:
        return f"Contribution(feature={self.feature!r}, value={self.value})"


class FramingAnalysis(_Value):
    """The verdict on one post, with its evidence.

    A plain class like the signals, not a frozen dataclass: mypyc builds a dataclass
    through its generated `__init__`, run as Python with a keyword dict, which cost about
    14k instructions a post (docs/framing.md, Speed). Equality, hashing, copying and the
    repr are a dataclass's: by the fields, in order.
    """

    __slots__ = (
        "collective_references",
        "confidence",
        "contributions",
        "language",
        "mixed_signals",
        "orientation",
        "score",
        "self_references",
        "signals",
    )

    def __init__(
        self,
        orientation: Orientation,
        score: float,
        confidence: float,
        language: str,
        self_references: int,
        collective_references: int,
        signals: tuple[FramingSignal, ...],
        # Confidence under the model's mixed-signals threshold: the clients show no verdict.
        mixed_signals: bool,
        # The features that pushed hardest, strongest first (see analysis/features.py).
        contributions: tuple[Contribution, ...] = (),
    ) -> None:
        self.orientation: Final = orientation
        self.score: Final = score
        self.confidence: Final = confidence
        self.language: Final = language
        self.self_references: Final = self_references
        self.collective_references: Final = collective_references
        self.signals: Final = signals
        self.mixed_signals: Final = mixed_signals
        self.contributions: Final = contributions

    def _key(
        self,
    ) -> tuple[
        Orientation,
        float,
        float,
        str,
        int,
        int,
        tuple[FramingSignal, ...],
        bool,
        tuple[Contribution, ...],
    ]:
        return (
            self.orientation,
            self.score,
            self.confidence,
            self.language,
            self.self_references,
            self.collective_references,
            self.signals,
            self.mixed_signals,
            self.contributions,
        )

    def __repr__(self) -> str:
        return (
            f"FramingAnalysis(orientation={self.orientation!r}, score={self.score!r}, "
            f"confidence={self.confidence!r}, language={self.language!r}, "
            f"self_references={self.self_references!r}, "
            f"collective_references={self.collective_references!r}, "
            f"signals={self.signals!r}, mixed_signals={self.mixed_signals!r}, "
            f"contributions={self.contributions!r})"
        )


@dataclass(frozen=True, slots=True)
class Culture:
    country: str
    name: str
    individualism: int | None
    power_distance: int | None
    orientation: CultureOrientation


@dataclass(frozen=True, slots=True)
class CulturalContext:
    author: Culture | None
    reader: Culture | None
    summary: str
    notes: tuple[str, ...]
    sources: tuple[str, ...]
