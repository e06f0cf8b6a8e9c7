"""Framing lexicons: load the per-language TOML files and compile each into one scanner.

A lexicon file lists groups of phrases, each group with a signal kind and a weight
(see docs/framing.md). Loading expands `{a|b}` alternatives, checks that no phrase is
listed twice, and builds one trie of every phrase of the language (`scanner`), so that
analysing a post is one pass over its characters plus a list index per hit.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Any, Final

from mypy_extensions import i64

from teamcredit.analysis.models import SignalKind
from teamcredit.analysis.resources import list_names, read_toml
from teamcredit.analysis.roles import role_phrases
from teamcredit.analysis.scanner import EQUIVALENT, PhraseScanner, whitespace

_LEXICON_DIR = "lexicons"
_ALTERNATIVES = re.compile(r"\{([^{}]*)\}")
_SPACES = re.compile(r"\s+")
_EQUIVALENTS = str.maketrans(EQUIVALENT)

SELF_COUNTED: frozenset[SignalKind] = frozenset(
    {
        SignalKind.SELF_REFERENCE,
        SignalKind.ACHIEVEMENT_CLAIM,
        SignalKind.PERFORMATIVE_VULNERABILITY,
    }
)
COLLECTIVE_COUNTED: frozenset[SignalKind] = frozenset(
    {SignalKind.COLLECTIVE_REFERENCE, SignalKind.TEAM_REFERENCE}
)


class LexiconEntry:
    """What one phrase means, shared by every phrase of its group.

    A plain class with Final attributes rather than a NamedTuple: compiled with mypyc, the
    analyser's hot loop reads its fields as C struct members.
    """

    __slots__ = (
        "counts_collective",
        "counts_self",
        "credits_name",
        "is_thanks",
        "kind",
        "weight",
    )

    def __init__(self, kind: SignalKind | None, weight: float, credits_name: bool = False) -> None:
        # None for [[ignore]] phrases and verbs of work: they win the longest-match race and
        # are no signal themselves.
        self.kind: Final = kind
        self.weight: Final = weight
        self.counts_self: Final = int(kind in SELF_COUNTED)
        self.counts_collective: Final = int(kind in COLLECTIVE_COUNTED)
        self.is_thanks: Final = kind is SignalKind.GRATITUDE
        # A verb of work (_credit_verbs.toml): a capitalised name right before it is credited.
        self.credits_name: Final = credits_name

    def __repr__(self) -> str:
        return f"LexiconEntry(kind={self.kind}, weight={self.weight})"


NOTHING = LexiconEntry(kind=None, weight=0.0)
CREDIT_VERB = LexiconEntry(kind=None, weight=0.0, credits_name=True)


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    name: str
    word_boundaries: bool
    # German capitalises every noun: a capital after a lower-case word is no sign of a name.
    capitalised_nouns: bool
    # Keyed by `normalize_phrase` of each phrase.
    entries: dict[str, LexiconEntry]
    not_when_written: frozenset[str]
    detect_words: tuple[str, ...]
    name_joiners: tuple[str, ...]
    honorifics: tuple[str, ...]
    # Words an honorific follows that name a role, not a person (患者さん, 編集者さん).
    honorific_roles: tuple[str, ...]
    # "Omar's team designed": what may stand between a name and a verb of work.
    possessive_team: tuple[str, ...]
    # Lower-cased words that are never names, even capitalised ("The", "We", "This").
    common_words: frozenset[str]
    # Finds the phrases of `entries` in text, whatever its case; a hit gives the phrase's
    # label, which indexes the two lists below (phrases with the same entry and spelling
    # rule share a label, so that the scanner can share their endings).
    scanner: PhraseScanner
    label_entries: list[LexiconEntry]
    # Whether a hit with the label must be checked against `not_when_written` ("US").
    label_spelling_matters: list[bool]


# `str.lower` called as an object, not as a method: mypyc compiles `text.lower()` to its
# own case mapping, which misses CPython's final-sigma rule ("ΑΣ" gave "ασ", not "ας").
# Every module compiled with the analyser lower-cases through this.
lower: Callable[[str], str] = str.lower


def lower_keeping_offsets(text: str) -> str:
    """`text.lower()`, except that characters whose lower case is longer stay as they are.

    Only "İ" lower-cases to two code points; keeping offsets aligned with the original
    text matters more than matching it.
    """
    lowered = lower(text)
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(lower(char)) != 1 else lower(char) for char in text)


def fold_keeping_offsets(text: str) -> str:
    """`lower_keeping_offsets` with one kind of apostrophe and hyphen: the text as the
    scanner reads it, each character where it was (training/roles.py locates hits in it)."""
    return lower_keeping_offsets(text).translate(_EQUIVALENTS)


def normalize_phrase(phrase: str) -> str:
    """The key a phrase is listed under: lower case, one kind of apostrophe and hyphen, single
    spaces; what the scanner treats as the same phrase."""
    if _plain(phrase):
        # Nothing for `translate`, `sub` or `strip` to change, as in most names the
        # analyser looks up: compiled, the three calls cost about 6k instructions.
        return lower(phrase)
    return lower(_SPACES.sub(" ", phrase.translate(_EQUIVALENTS)).strip())


# `scanner.whitespace()`: the characters `\s` and `strip` remove (all below U+3001).
_WHITESPACE: Final = whitespace()


def _plain(phrase: str) -> bool:
    """Whether `phrase` holds no whitespace and no character `EQUIVALENT` folds."""
    spaces = _WHITESPACE
    for char in phrase:
        code: i64 = ord(char)
        if code < 0x80:
            if spaces[code]:
                return False
        elif (code < 0x3001 and spaces[code]) or char in EQUIVALENT:
            return False  # EQUIVALENT folds no ASCII character
    return True


def expand_alternatives(phrase: str) -> list[str]:
    """`"I {led|built}"` -> `["I led", "I built"]`; `"ravi{|e}"` -> `["ravi", "ravie"]`."""
    found = _ALTERNATIVES.search(phrase)
    if found is None:
        return [phrase]
    head, tail = phrase[: found.start()], phrase[found.end() :]
    return [
        expanded
        for option in found.group(1).split("|")
        for expanded in expand_alternatives(head + option + tail)
    ]


def _group_entry(language: str, group: dict[str, Any]) -> LexiconEntry:
    kind = SignalKind(group["kind"])
    weight = float(group["weight"])
    if weight <= 0:
        raise ValueError(f"{language}: weights must be positive (group {kind.value})")
    return LexiconEntry(kind, weight)


def parse_lexicon(
    data: dict[str, Any], credit: dict[str, Any] | None = None, side: tuple[str, ...] = ()
) -> Lexicon:
    """A lexicon from its TOML table, with the language's table of `_credit_verbs.toml`;
    its scanner also reports the `side` phrases (the role phrases, `roles.role_phrases`)."""
    language = str(data["language"])
    word_boundaries = bool(data.get("word_boundaries", True))
    entries: dict[str, LexiconEntry] = {}
    origin: dict[str, str] = {}
    groups = [(group, _group_entry(language, group)) for group in data.get("group", [])]
    groups += [(group, NOTHING) for group in data.get("ignore", [])]
    credit = credit or {}
    # Scanned with the rest, so that a post is still walked once.
    groups += [({"phrases": credit.get("verbs", [])}, CREDIT_VERB)]
    for group, entry in groups:
        label = (
            entry.kind.value if entry.kind else "credit verb" if entry.credits_name else "ignore"
        )
        for written in group["phrases"]:
            for phrase in expand_alternatives(str(written)):
                key = normalize_phrase(phrase)
                if key in origin:
                    raise ValueError(
                        f"{language}: phrase {key!r} is listed twice ({origin[key]} and {label})"
                    )
                origin[key] = label
                entries[key] = entry
    not_when_written = frozenset(data.get("not_when_written", []))
    detect_words = tuple(normalize_phrase(w) for w in data.get("detect", []))
    checked = {normalize_phrase(spelling) for spelling in not_when_written}
    # One label per (entry, spelling rule); entries are shared by a group's phrases.
    label_of: dict[tuple[LexiconEntry, bool], int] = {}
    labels = [
        label_of.setdefault((entry, phrase in checked), len(label_of))
        for phrase, entry in entries.items()
    ]
    return Lexicon(
        language=language,
        name=str(data.get("name", language)),
        word_boundaries=word_boundaries,
        capitalised_nouns=bool(data.get("capitalised_nouns", False)),
        entries=entries,
        not_when_written=not_when_written,
        detect_words=detect_words,
        name_joiners=tuple(data.get("name_joiners", [])),
        honorifics=tuple(data.get("honorifics", [])),
        honorific_roles=tuple(data.get("honorific_roles", [])),
        possessive_team=tuple(str(word) for word in credit.get("possessive_team", [])),
        common_words=frozenset(detect_words)
        | {key for key in entries if " " not in key}
        | {lower(str(word)) for word in credit.get("not_names", [])},
        scanner=PhraseScanner(list(entries), word_boundaries, labels, side),
        label_entries=[entry for entry, _ in label_of],
        label_spelling_matters=[spelling for _, spelling in label_of],
    )


@cache
def supported_languages() -> tuple[str, ...]:
    return list_names(_LEXICON_DIR, suffix=".toml")


def build_lexicon(language: str, side: tuple[str, ...] = ()) -> Lexicon:
    """The lexicon of a supported primary language tag (KeyError otherwise), its scanner
    also finding the `side` phrases; built anew (training builds its own)."""
    if language not in supported_languages():
        raise KeyError(language)
    credit = read_toml(_LEXICON_DIR, "_credit_verbs.toml").get(language)
    return parse_lexicon(read_toml(_LEXICON_DIR, f"{language}.toml"), credit, side)


@cache
def get_lexicon(language: str) -> Lexicon:
    """The compiled lexicon for a supported primary language tag (KeyError otherwise),
    with the language's role phrases (roles.py) as side phrases."""
    return build_lexicon(language, role_phrases(language))
