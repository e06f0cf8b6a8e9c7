"""What a reader notices in a post, as numbers the framing model weighs.

The scan gives signals (kind, span, weight). A pronoun count treats a long post that says
"I" ten times and "we" eight times like a short one that says each once; a reader does
not. The features below are the things the real-post corpus showed a reader using: how
much of each kind there is (on a log scale, so the tenth "I" adds less than the first),
how dense the self- and group-references are per 100 words (on a log scale too: a
three-word post is all density, and must not read as an extreme no real post reaches),
where the post opens (the hook sets the frame), whether thanks name someone specific or
stay generic, and whether the group is the subject of an achievement ("we shipped")
rather than a bystander, and whether named people are ("Léa designed the schema"), and
how many people (or companies, or places: a capital is all it sees) the post names
anywhere.

`FEATURE_NAMES` is the order of the vector; the model file (data/framing/model.json)
names its coefficients in the same order and the loader checks that they agree.
"""

from __future__ import annotations

from math import log, log1p
from typing import Final

from teamcredit.analysis.models import FramingSignal, SignalKind
from teamcredit.analysis.roles import ROLE_FEATURES

# What the language's own phrase lists read, counted by kind: the features whose weight
# may differ by language (training/fit.py), as each list covers its language to its own depth.
LEXICON_COUNTS: Final = (
    "self_reference",
    "self_promotion",
    "achievement_claim",
    "performative_vulnerability",
    "collective_reference",
    "collective_claim",
    "team_reference",
    "gratitude",
)
FEATURE_NAMES: Final = (
    *LEXICON_COUNTS,
    "named_thanks",
    "mentions",
    "named_claims",
    "proper_names",
    "self_density",
    "collective_density",
    "balance",
    "opening_self",
    "opening_collective",
    "length",
    *ROLE_FEATURES,
)

# The opening hook: what a feed shows before "...see more" (about two lines).
OPENING_CHARS: Final = 160
# A thanks formula counts as naming someone when a name follows this closely.
NAMED_THANKS_REACH: Final = 80
# "We" with a delivery verb ("we shipped") is listed with at least this weight, and a name
# before a verb of work ("Léa designed") is a mention of this weight (scoring.py).
CLAIM_WEIGHT: Final = 1.5
# Characters per word, spaces included: about 6 in English, French, Spanish and German
# posts; Japanese, written without spaces, about 2.5.
CHARS_PER_WORD: Final = 6.0
CHARS_PER_JAPANESE_WORD: Final = 2.5

_SELF: Final = SignalKind.SELF_REFERENCE
_PROMOTION: Final = SignalKind.SELF_PROMOTION
_CLAIM: Final = SignalKind.ACHIEVEMENT_CLAIM
_VULNERABILITY: Final = SignalKind.PERFORMATIVE_VULNERABILITY
_WE: Final = SignalKind.COLLECTIVE_REFERENCE
_TEAM: Final = SignalKind.TEAM_REFERENCE
_THANKS: Final = SignalKind.GRATITUDE
_MENTION: Final = SignalKind.MENTION


# log1p of the small counts a post holds (names, mentions): compiled, `log1p` is a call
# through the math module, a few hundred instructions, and a list read is a few.
_LOG1P_OF_COUNT: Final[list[float]] = [log1p(count) for count in range(64)]
# Compiled, an imported function is looked up in the module's dictionary at each call; a
# Final one is read from a C variable.
_LOG1P: Final = log1p


def _log1p(value: float) -> float:
    """`log1p(value)`, bit for bit; without the call for 0.0 (log1p keeps the zero and its
    sign), which most of a post's features are."""
    return value if value == 0.0 else _LOG1P(value)


def _log1p_count(count: int) -> float:
    """`log1p(count)`, bit for bit, from the table for a small count."""
    return _LOG1P_OF_COUNT[count] if 0 <= count < 64 else _LOG1P(count)


def word_count(text: str, spaced: bool) -> float:
    """About how many words `text` holds, from its length: counting them cost a fifth of
    the whole analysis, and the model only needs the scale."""
    return len(text) / (CHARS_PER_WORD if spaced else CHARS_PER_JAPANESE_WORD)


def features_of(
    signals: tuple[FramingSignal, ...], words: float, names: int, roles: list[float]
) -> list[float]:
    """The feature vector of a post, in `FEATURE_NAMES` order; `names` is how many distinct
    capitalised names the text holds anywhere (`mentions.proper_names`), `roles` the
    role phrases' summed weight per role (`roles.role_sums`), made densities here."""
    self_ref = promotion = claim = vulnerability = 0.0
    we = we_claim = team = thanks = 0.0
    mentions = named_thanks = named_claims = 0
    opening_self = opening_collective = 0.0
    thanks_reach = -1  # the offset up to which a name or team makes the last thanks specific
    thanks_named = True
    for signal in signals:
        kind = signal.kind
        weight = signal.weight
        start = signal.span.start
        if kind is _SELF:
            self_ref += weight
        elif kind is _PROMOTION:
            promotion += weight
        elif kind is _CLAIM:
            claim += weight
        elif kind is _VULNERABILITY:
            vulnerability += weight
        elif kind is _WE:
            we += weight
            if weight >= CLAIM_WEIGHT:
                we_claim += weight
        elif kind is _TEAM:
            team += weight
        elif kind is _THANKS:
            thanks += weight
            thanks_reach = signal.span.end + NAMED_THANKS_REACH
            thanks_named = False
        else:  # a name
            mentions += 1
            if weight >= CLAIM_WEIGHT:
                named_claims += 1
            if not thanks_named and start <= thanks_reach:
                named_thanks += 1
                thanks_named = True
        if start < OPENING_CHARS:
            if kind is _SELF or kind is _PROMOTION or kind is _CLAIM or kind is _VULNERABILITY:
                opening_self += weight
            else:
                opening_collective += weight
    individual = self_ref + promotion + claim + vulnerability
    collective = we + team + thanks + mentions
    per_hundred = 100.0 / (words + 20.0)
    return [
        _log1p(self_ref),
        _log1p(promotion),
        _log1p(claim),
        _log1p(vulnerability),
        _log1p(we),
        _log1p(we_claim),
        _log1p(team),
        _log1p(thanks),
        _log1p_count(named_thanks),
        _log1p_count(mentions),
        _log1p_count(named_claims),
        _log1p_count(names),
        _log1p(individual * per_hundred),
        _log1p(collective * per_hundred),
        (individual - collective) / (individual + collective + 1.0),
        _log1p(opening_self),
        _log1p(opening_collective),
        log(words + 1.0),
        *[value * per_hundred for value in roles],
    ]
