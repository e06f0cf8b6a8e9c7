"""Value types returned by the analysis core.

Field names are the snake_case twins of the GraphQL names in the schema sketch, so the API
layer can map them one to one.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple


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


# Kinds that pull the score towards +1 (individual framing); the others pull towards -1.
INDIVIDUAL_KINDS: frozenset[SignalKind] = frozenset(
    {
        SignalKind.SELF_REFERENCE,
        SignalKind.SELF_PROMOTION,
        SignalKind.ACHIEVEMENT_CLAIM,
        SignalKind.PERFORMATIVE_VULNERABILITY,
    }
)


class CultureOrientation(str, Enum):
    INDIVIDUALIST = "INDIVIDUALIST"
    MIXED = "MIXED"
    COLLECTIVIST = "COLLECTIVIST"


# The span and the signal are NamedTuples: immutable, compared by value, read by attribute,
# and built in one allocation. A post yields dozens of them; as frozen dataclasses their
# construction was a fifth of the analyser's time.
class TextSpan(NamedTuple):
    """A slice of the analysed text; offsets count Unicode code points, not UTF-16 units."""

    start: int
    end: int
    text: str


class FramingSignal(NamedTuple):
    kind: SignalKind
    span: TextSpan
    weight: float


@dataclass(frozen=True, slots=True)
class FramingAnalysis:
    orientation: Orientation
    score: float
    confidence: float
    language: str
    self_references: int
    collective_references: int
    signals: tuple[FramingSignal, ...]


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
