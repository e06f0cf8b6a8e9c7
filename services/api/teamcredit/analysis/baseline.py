"""The naive baseline the evaluation compares the analyser against.

It counts first-person singular and plural pronouns and compares the two, which is what
"measuring framing" usually means in quick studies. It ignores formulas, thanks, names,
negation and quotes; bench/framing_eval.py shows what that costs.
"""

from __future__ import annotations

import re
from functools import cache

from teamcredit.analysis.language import primary_tag
from teamcredit.analysis.models import Orientation
from teamcredit.analysis.resources import read_toml

# A post is called individual when singular pronouns outnumber plural ones 2 to 1.
_RATIO = 1 / 3


@cache
def _patterns(language: str) -> tuple[re.Pattern[str], frozenset[str]]:
    table = read_toml("lexicons", "_baseline.toml")
    lists = table.get(language) or table["en"]
    singular = [str(word) for word in lists["singular"]]
    words = sorted(singular + [str(word) for word in lists["plural"]], key=len, reverse=True)
    alternation = "|".join(re.escape(word) for word in words)
    # Japanese has no spaces between words, so no word boundaries there.
    source = f"(?:{alternation})" if language == "ja" else rf"\b(?:{alternation})(?!\w)"
    return re.compile(source), frozenset(singular)


def naive_pronoun_ratio(text: str, language: str | None) -> Orientation:
    pattern, singular = _patterns(primary_tag(language) or "en")
    found = pattern.findall(text.lower().replace("’", "'"))
    n_singular = sum(1 for word in found if word in singular)
    n_plural = len(found) - n_singular
    if n_singular + n_plural == 0:
        return Orientation.BALANCED
    ratio = (n_singular - n_plural) / (n_singular + n_plural)
    if ratio > _RATIO:
        return Orientation.INDIVIDUAL
    if ratio < -_RATIO:
        return Orientation.COLLECTIVE
    return Orientation.BALANCED
