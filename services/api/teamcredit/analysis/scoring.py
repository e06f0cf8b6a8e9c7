"""Turn signal weights into a score, an orientation and a confidence.

score = (I - C) / (I + C + PRIOR), where I and C are the summed weights of the individual
and collective signals. PRIOR keeps a post with one "I" from being called fully
individual: thin evidence stays near 0. Thresholds were set on the development set
(tests/data/framing_devset.jsonl); docs/framing.md reports the results.
"""

from __future__ import annotations

from teamcredit.analysis.models import Orientation

PRIOR = 2.0
THRESHOLD = 0.45
# Evidence (summed weights) at which the evidence part of the confidence reaches 1/2.
EVIDENCE_HALF = 2.0
# Quoted words are someone else's: they still show as evidence, at this fraction of weight.
QUOTE_FACTOR = 0.2
MENTION_WEIGHT = 1.0


def score_of(individual: float, collective: float) -> float:
    return (individual - collective) / (individual + collective + PRIOR)


def orientation_of(score: float) -> Orientation:
    if score >= THRESHOLD:
        return Orientation.INDIVIDUAL
    if score <= -THRESHOLD:
        return Orientation.COLLECTIVE
    return Orientation.BALANCED


def confidence_of(score: float, evidence: float, language_certainty: float) -> float:
    """Grows with the amount of evidence and with the distance from the nearest threshold."""
    if evidence <= 0:
        return 0.0
    amount = evidence / (evidence + EVIDENCE_HALF)
    distance = abs(score)
    if distance >= THRESHOLD:
        margin = 0.5 + 0.5 * min(1.0, (distance - THRESHOLD) / (1 - THRESHOLD) * 2)
    else:
        margin = 0.5 + 0.5 * (1 - distance / THRESHOLD)
    return round(max(0.0, min(1.0, amount * margin * language_certainty)), 3)
