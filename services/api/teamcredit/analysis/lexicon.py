"""Framing lexicons: load the per-language TOML files and compile each into one regex.

A lexicon file lists groups of phrases, each group with a signal kind and a weight
(see docs/framing.md). Loading expands `{a|b}` alternatives, checks that no phrase is
listed twice, and compiles every phrase of the language into a single trie-shaped regex
so that analysing a post is one `finditer` pass plus one dict lookup per hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

from teamcredit.analysis.charclass import DELIMITER_CLASS
from teamcredit.analysis.models import INDIVIDUAL_KINDS, SignalKind
from teamcredit.analysis.resources import list_names, read_toml
from teamcredit.analysis.trie_regex import trie_pattern

_LEXICON_DIR = "lexicons"
_ALTERNATIVES = re.compile(r"\{([^{}]*)\}")
_SPACES = re.compile(r"\s+")
# Spellings remembered per lexicon: real posts repeat a few hundred ("I", "We", "Thanks to").
_MAX_SPELLINGS = 10_000
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})

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


class LexiconEntry(NamedTuple):
    """What one phrase means. A tuple so the analyser's hot loop can unpack it in one step."""

    # None for [[ignore]] phrases: they win the longest-match race and then count nothing.
    kind: SignalKind | None
    weight: float
    # Signed weight: positive pulls towards individual framing.
    pull: float
    counts_self: int
    counts_collective: int
    is_thanks: bool


class CountedEntry(NamedTuple):
    """A `LexiconEntry` whose phrase counts (not an [[ignore]] one): what a hit contributes."""

    kind: SignalKind
    weight: float
    pull: float
    counts_self: int
    counts_collective: int
    is_thanks: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    language: str
    name: str
    word_boundaries: bool
    # Run over the lower-cased text; group 1 is the phrase, without the delimiter before it.
    pattern: re.Pattern[str]
    # Keyed by the lower-cased phrase; `lookup` also folds apostrophes and spaces.
    entries: dict[str, LexiconEntry]
    not_when_written: frozenset[str]
    detect_words: tuple[str, ...]
    name_joiners: tuple[str, ...]
    honorifics: tuple[str, ...]
    # The phrases alone, for a phrase at the very start of the text (no delimiter before).
    head: re.Pattern[str]
    # What each spelling met in a post counts as, so that a hit costs one lookup by its
    # exact text: () for a spelling that counts nothing ([[ignore]], `not_when_written`).
    # Filled by `spelling_entry`; bounded, so odd input cannot grow it without limit.
    by_spelling: dict[str, CountedEntry | tuple[()]] = field(
        default_factory=dict, compare=False, repr=False
    )

    def lookup(self, phrase: str) -> LexiconEntry | None:
        """Entry for a matched phrase (any case, any apostrophe, any run of spaces)."""
        entry = self.entries.get(phrase)
        if entry is None:
            entry = self.entries.get(normalize_phrase(phrase))
        return entry

    def spelling_entry(self, spelling: str, lowered: str) -> CountedEntry | tuple[()]:
        """What a hit written `spelling` counts as, remembered for the next post.

        `lowered` is the hit in the lower-cased text. () means nothing: an [[ignore]]
        phrase, or a `not_when_written` spelling.
        """
        entry = self.lookup(lowered)
        counted = () if entry is None or spelling in self.not_when_written else _counted(entry)
        # A capital sigma lower-cases according to its neighbours, so its spelling alone
        # does not tell the lower-cased phrase.
        if len(self.by_spelling) < _MAX_SPELLINGS and "Σ" not in spelling:
            self.by_spelling[spelling] = counted
        return counted

    def matches(self, lowered: str) -> list[re.Match[str]]:
        """Every hit in the lower-cased text, in order; `group(1)` spans the phrase.

        Same hits as scanning `" " + lowered`, without copying the text to pad it.
        """
        if not self.word_boundaries:
            return list(self.pattern.finditer(lowered))
        first = self.head.match(lowered)
        if first is None:
            return list(self.pattern.finditer(lowered))
        found = [first]
        found.extend(self.pattern.finditer(lowered, first.end()))
        return found


@cache
def _counted(entry: LexiconEntry) -> CountedEntry | tuple[()]:
    """What a hit with this entry contributes, one object for all spellings of its phrases."""
    if entry.kind is None:
        return ()
    return CountedEntry(entry.kind, *entry[1:])


def lower_keeping_offsets(text: str) -> str:
    """`text.lower()`, except that characters whose lower case is longer stay as they are.

    Only "İ" lower-cases to two code points; keeping offsets aligned with the original
    text matters more than matching it.
    """
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char if len(char.lower()) != 1 else char.lower() for char in text)


def normalize_phrase(phrase: str) -> str:
    return _SPACES.sub(" ", phrase.translate(_APOSTROPHES)).strip().lower()


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


def _atom(char: str) -> str:
    if char == " ":
        # Possessive: what follows a space in a phrase is never a space, so giving back
        # spaces cannot help, and `re` need not remember where it could.
        return r"\s++"
    if char == "'":
        return "['’ʼ‘]"
    if char == "-":
        return "[-‐‑]"
    return re.escape(char)


_IGNORED = LexiconEntry(
    kind=None, weight=0.0, pull=0.0, counts_self=0, counts_collective=0, is_thanks=False
)


def _group_entry(language: str, group: dict[str, Any]) -> LexiconEntry:
    kind = SignalKind(group["kind"])
    weight = float(group["weight"])
    if weight <= 0:
        raise ValueError(f"{language}: weights must be positive (group {kind.value})")
    return LexiconEntry(
        kind=kind,
        weight=weight,
        pull=weight if kind in INDIVIDUAL_KINDS else -weight,
        counts_self=int(kind in SELF_COUNTED),
        counts_collective=int(kind in COLLECTIVE_COUNTED),
        is_thanks=kind is SignalKind.GRATITUDE,
    )


def parse_lexicon(data: dict[str, Any]) -> Lexicon:
    language = str(data["language"])
    word_boundaries = bool(data.get("word_boundaries", True))
    entries: dict[str, LexiconEntry] = {}
    origin: dict[str, str] = {}
    groups = [(group, _group_entry(language, group)) for group in data.get("group", [])]
    groups += [(group, _IGNORED) for group in data.get("ignore", [])]
    for group, entry in groups:
        label = entry.kind.value if entry.kind else "ignore"
        for written in group["phrases"]:
            for phrase in expand_alternatives(str(written)):
                key = normalize_phrase(phrase)
                if key in origin:
                    raise ValueError(
                        f"{language}: phrase {key!r} is listed twice ({origin[key]} and {label})"
                    )
                origin[key] = label
                entries[key] = entry
    body = f"({trie_pattern(entries, atom=_atom, word_end=word_boundaries)})"
    # No (?i): case-insensitive matching made the scan three times slower than matching
    # against a lower-cased copy of the text (see lower_keeping_offsets).
    source = f"{DELIMITER_CLASS}{body}" if word_boundaries else body
    return Lexicon(
        language=language,
        name=str(data.get("name", language)),
        word_boundaries=word_boundaries,
        pattern=re.compile(source),
        entries=entries,
        not_when_written=frozenset(data.get("not_when_written", [])),
        detect_words=tuple(normalize_phrase(w) for w in data.get("detect", [])),
        name_joiners=tuple(data.get("name_joiners", [])),
        honorifics=tuple(data.get("honorifics", [])),
        head=re.compile(body),
    )


@cache
def supported_languages() -> tuple[str, ...]:
    return list_names(_LEXICON_DIR, suffix=".toml")


@cache
def get_lexicon(language: str) -> Lexicon:
    """The compiled lexicon for a supported primary language tag (KeyError otherwise)."""
    if language not in supported_languages():
        raise KeyError(language)
    return parse_lexicon(read_toml(_LEXICON_DIR, f"{language}.toml"))
