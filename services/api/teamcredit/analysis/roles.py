"""Whose contribution a post's words describe, from phrases learned sentence by sentence.

A reader weighs a post sentence by sentence: "I led the migration." is about the author,
"Léa designed the schema." about someone else, "Thanks to everyone!" is generic. The
lexicons list formulas and weigh each by its kind; a reader also goes by plain words that
say whose part a sentence is about ("he", "she", "vosotros", "彼"), and by what the
formulas say beside their kind. 1,449 training posts were tagged sentence by sentence
with a role, SELF, WE, OTHERS, THANKS or NONE
(docs/sentence-roles.md), and `python -m teamcredit.training.roles` learned from them a
few dozen role phrases per language and what each says about its sentence's role
(data/framing/roles.json).

The language's scanner finds those phrases in the same pass as the lexicon's, as side
phrases (`scanner.PhraseScanner`), and the post gets, per role, the summed weight of the
role phrases it holds, per 100 words: the framing model weighs those five numbers with the
other features (features.py). Summed over the post, not sentence by sentence: cutting the
sentences and reading each with a softmax cost more than half the analyser's whole time,
for a gain within fold noise on the posts no lexicon rule came from (docs/framing.md).
"""

from __future__ import annotations

import json
from functools import cache
from math import isfinite
from typing import Final

from teamcredit.analysis.resources import read_text

ROLES: Final = ("SELF", "WE", "OTHERS", "THANKS", "NONE")
# What the framing model reads of the roles (features.FEATURE_NAMES ends with these).
ROLE_FEATURES: Final = tuple(f"{role.lower()}_phrases" for role in ROLES)

# The loops below are written out for five roles, with one local float each (compiled, a
# list of floats boxes every write).
_N_ROLES: Final = 5


class PhraseWeights:
    """One role phrase's weight for each role, in `ROLES` order.

    Attributes, not a list: compiled, a class's float attribute is a plain double, read
    in one instruction, where a list's float is unwrapped by a call (and its index checked)
    for each read; a post holds dozens of role phrases (docs/framing.md, Speed)."""

    __slots__ = ("none", "others", "self_", "thanks", "we")

    def __init__(self, row: list[float]) -> None:
        self.self_: Final[float] = row[0]
        self.we: Final[float] = row[1]
        self.others: Final[float] = row[2]
        self.thanks: Final[float] = row[3]
        self.none: Final[float] = row[4]


class RoleModel:
    """A language's role phrases and, per phrase, its weight for each role (the scanner
    reports a side phrase by its index in `phrases`)."""

    __slots__ = ("phrase_weights", "phrases")

    def __init__(self, phrases: tuple[str, ...], phrase_weights: list[list[float]]) -> None:
        self.phrases: Final = phrases
        # Indexed like `phrases`.
        self.phrase_weights: Final = [PhraseWeights(row) for row in phrase_weights]


def parse_roles(document: dict[str, object]) -> dict[str, RoleModel]:
    """The role phrases of each language in a roles.json document; ValueError saying what
    is wrong otherwise. A phrase must be lower case (the scanner reads capitals as their
    lower case, so "We" would never be found) and its weights finite numbers."""
    if document.get("roles") != list(ROLES):
        raise ValueError(f"role model roles {document.get('roles')} differ from {ROLES}")
    languages = document.get("languages")
    if not isinstance(languages, dict):
        raise ValueError("role model languages must map language tags to phrases")
    parsed: dict[str, RoleModel] = {}
    for language, table in languages.items():
        phrases = table.get("phrases") if isinstance(table, dict) else None
        if not isinstance(phrases, dict):
            raise ValueError(f"role phrases for {language!r} must map phrases to weights")
        for phrase in phrases:
            if not phrase or phrase != phrase.lower() or phrase != phrase.strip():
                raise ValueError(f"role phrase {phrase!r} ({language}) must be lower case")
        parsed[str(language)] = RoleModel(
            tuple(str(phrase) for phrase in phrases), [_row(row) for row in phrases.values()]
        )
    return parsed


def _row(raw: object) -> list[float]:
    if not isinstance(raw, list) or len(raw) != _N_ROLES:
        raise ValueError("role phrase weights must be one number per role")
    if not all(isinstance(value, int | float) and isfinite(value) for value in raw):
        raise ValueError("role phrase weights must be finite numbers")
    return [float(value) for value in raw]


@cache
def role_models() -> dict[str, RoleModel]:
    """The shipped role phrases of each language (data/framing/roles.json)."""
    document = json.loads(read_text("framing", "roles.json"))
    if not isinstance(document, dict):
        raise ValueError("data/framing/roles.json must hold an object")
    return parse_roles(document)


def role_phrases(language: str) -> tuple[str, ...]:
    """The role phrases the language's scanner looks for as side phrases (none if the
    language has no role model)."""
    model = role_models().get(language)
    return () if model is None else model.phrases


def role_sums(phrases_found: list[int], model: RoleModel | None) -> list[float]:
    """Per role, the summed weight of the role phrases found (indices into
    `model.phrases`, as the scanner reports them); features.py makes them densities."""
    if model is None:
        return [0.0] * _N_ROLES
    weights = model.phrase_weights
    self_ = we = others = thanks = none = 0.0
    for phrase in phrases_found:
        row = weights[phrase]
        self_ += row.self_
        we += row.we
        others += row.others
        thanks += row.thanks
        none += row.none
    return [self_, we, others, thanks, none]
