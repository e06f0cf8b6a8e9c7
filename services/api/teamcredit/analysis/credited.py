"""Who a post already credits: by @handle, by name, or through a team it names.

The rules (docs/credit.md, "Already credited"):

- a full name, in either order ("Aoi Kobayashi" or "Kobayashi Aoi"), case- and
  accent-insensitive; for names in kana, kanji or hangul also without the space;
- the given name alone when written as a capitalised word ("Kudos to Seo-yeon!", "Will's
  review"), never a lower-case word ("I will never get tired", "une méthodologie claire");
  the given name is the first word of a name written in a spaced script and the words after
  the family name of a name written in kana, kanji or hangul (family name first);
- the family name alone only with an honorific ("小林さん", "Kobayashi-san", "최님"): a
  family name is shared by too many people to credit anyone on its own;
- across scripts, for a name stored in Latin letters: a hangul given or full name with an
  honorific ("서연님" credits Seo-yeon Choi, read by the Revised Romanization), or a common
  Japanese or Korean family name in kanji, hanja or hangul with an honorific ("渡辺さん"
  credits Mei Watanabe; data/credit/family_names.toml lists the readings);
- an @handle;
- a team's members, when the post names the team ("thanks to the whole Mobile team").

Every rule on names applies to each of a person's aliases as to their name: 田中 健太 with
the alias "Kenta Tanaka" is credited by "Kudos to Kenta!" and by "Tanaka Kenta". In a Latin
name, a word in capitals is the family name ("TANAKA Kenta", "KIM Ji-ho"), in either order.

Hyphenated names are one word: "Seo-yeon" is a given name, and "Jean-Pierre" does not
credit a "Jean". Word boundaries include a change of script (scripts.py). Pure: no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache, lru_cache

from teamcredit.analysis.fold import fold, fold_with_offsets
from teamcredit.analysis.resources import read_toml
from teamcredit.analysis.scripts import ends_word, has_unspaced, starts_word
from teamcredit.models import Person

_SPACE = r"[\s\u00a0]+"
_HYPHENS = "-‐‑"


@cache
def _config() -> dict[str, list[str]]:
    raw = read_toml("credit", "crediting.toml")
    return {
        "before": list(raw["team_words"]["before"]),
        "after": list(raw["team_words"]["after"]),
        "honorifics": list(raw["honorifics"]["words"]),
    }


def _phrase(words: Iterable[str]) -> str:
    """A regex for words separated by any run of spaces; hyphens inside a word match any
    hyphen character."""
    parts = []
    for word in words:
        escaped = "".join(f"[{_HYPHENS}]" if c in _HYPHENS else re.escape(c) for c in word)
        parts.append(escaped)
    return _SPACE.join(parts)


def _whole(folded: str, start: int, end: int) -> bool:
    """A whole word or phrase: script-aware boundaries, and not half of a hyphenated word
    ("Marie-Claire" does not credit a Claire, "Jean-Pierre" not a Jean)."""
    if not (starts_word(folded, start) and ends_word(folded, end)):
        return False
    if start >= 2 and folded[start - 1] in _HYPHENS and folded[start - 2].isalnum():
        return False
    return not (end + 1 < len(folded) and folded[end] in _HYPHENS and folded[end + 1].isalnum())


def _given_family(name: str) -> tuple[list[str], str, str, bool]:
    """(folded words, given name, family name, family name first) of one written name.

    A name in kana, kanji or hangul is family name first ("田中 健太"); a Latin one is given
    name first, unless one of its words is in capitals, the HR convention for the family
    name in either order ("TANAKA Kenta", "KIM Ji-ho", "Jean DUPONT").
    """
    words = fold(name).split()
    if len(words) < 2:
        return words, words[0] if words else "", "", False
    if has_unspaced(name):
        return words, " ".join(words[1:]), words[0], True
    written = name.split()
    capitals = [i for i, w in enumerate(written) if len(w) >= 2 and w.isupper()]
    if len(capitals) == 1 and len(written) == len(words):
        at = capitals[0]
        return words, " ".join(words[:at] + words[at + 1 :]), words[at], at == 0
    return words, words[0], words[-1], False


@lru_cache(maxsize=65_536)
def _name_patterns(name: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, str, str]:
    """(full name in any order, given name alone, family name, given name) for one name."""
    words, given, family, family_first = _given_family(name)
    if not words:
        return None, None, "", ""
    if len(words) == 1:
        fulls = [words]
    elif has_unspaced(name):
        fulls = [words, [*words[1:], words[0]], ["".join(words)]]
    elif family_first:
        fulls = [words, [*words[1:], words[0]]]
    else:
        fulls = [words, [words[-1], *words[:-1]]]
    full = re.compile("|".join(f"(?:{_phrase(f)})" for f in fulls))
    # A one-character given name in kanji or hangul is too often part of another word.
    alone_ok = len(words) > 1 and (not has_unspaced(given) or len(given) >= 2)
    alone = re.compile(_phrase(given.split())) if alone_ok else None
    return full, alone, family, given


def _found(pattern: re.Pattern[str], folded: str) -> Iterable[tuple[int, int]]:
    for hit in pattern.finditer(folded):
        if _whole(folded, hit.start(), hit.end()):
            yield hit.span()


def _capitalised(text: str, origin: list[int] | None, start: int) -> bool:
    char = text[origin[start] if origin is not None else start]
    # Scripts without case (kanji, hangul) have no capital to check.
    return char.isupper() or char.istitle() or char.lower() == char.upper()


def credited_people(text: str, people: Iterable[Person]) -> set[str]:
    """Ids of the `people` the text already credits by @handle or by name (their name or
    any of their aliases: "Kenta" credits 田中 健太 stored with the alias "Kenta Tanaka")."""
    if not text:
        return set()
    folded, origin = fold_with_offsets(text)
    honorifics = [fold(h) for h in _config()["honorifics"]]
    credited: set[str] = set()
    cross_names, cross_families = (
        _cross_script_keys(text, honorifics) if has_unspaced(text) else (set(), set())
    )
    for person in people:
        names = (person.name, *person.aliases)
        if (cross_names or cross_families) and any(
            _credited_across_scripts(name, cross_names, cross_families) for name in names
        ):
            credited.add(person.id)
            continue
        if person.handle and f"@{fold(person.handle)}" in folded:
            at = folded.find(f"@{fold(person.handle)}")
            if ends_word(folded, at + len(person.handle) + 1):
                credited.add(person.id)
                continue
        if any(_named(text, folded, origin, name, honorifics) for name in names):
            credited.add(person.id)
    return credited


def _named(
    text: str, folded: str, origin: list[int] | None, name: str, honorifics: list[str]
) -> bool:
    """Whether the text names someone by this one written form of their name."""
    full, alone, family, given = _name_patterns(name)
    if full is None:
        return False
    if next(iter(_found(full, folded)), None) is not None:
        return True
    if alone is not None and any(
        _capitalised(text, origin, start) for start, _ in _found(alone, folded)
    ):
        return True
    if family and _family_with_honorific(folded, family, honorifics):
        return True
    # "葵さん": a given name with an honorific
    return has_unspaced(given) and _family_with_honorific(folded, given, honorifics)


_INITIALS = [
    "g",
    "kk",
    "n",
    "d",
    "tt",
    "r",
    "m",
    "b",
    "pp",
    "s",
    "ss",
    "-",
    "j",
    "jj",
    "ch",
    "k",
    "t",
    "p",
    "h",
]
_MEDIALS = [
    "a",
    "ae",
    "ya",
    "yae",
    "eo",
    "e",
    "yeo",
    "ye",
    "o",
    "wa",
    "wae",
    "oe",
    "yo",
    "u",
    "wo",
    "we",
    "wi",
    "yu",
    "eu",
    "ui",
    "i",
]
_FINALS = [
    "",
    "k",
    "k",
    "k",
    "n",
    "n",
    "n",
    "t",
    "l",
    "k",
    "m",
    "l",
    "l",
    "l",
    "p",
    "l",
    "m",
    "p",
    "p",
    "t",
    "t",
    "ng",
    "t",
    "t",
    "k",
    "t",
    "p",
    "t",
]


def hangul_to_latin(word: str) -> str:
    """Revised Romanization of hangul syllables, letter by letter ("서연" -> "seoyeon")."""
    out = []
    for char in word:
        code = ord(char) - 0xAC00
        if not 0 <= code < 11172:
            out.append(char)
            continue
        initial, medial, final = code // 588, (code % 588) // 28, code % 28
        out.append(_INITIALS[initial].strip("-") + _MEDIALS[medial] + _FINALS[final])
    return "".join(out)


def _latin_key(text: str) -> str:
    """A Latin-letter name reduced for comparing spellings: "Ji-woo" and "지우" -> "jiu"."""
    key = re.sub(r"[\s\-‐‑'’.]", "", fold(text))
    return key.replace("woo", "u").replace("oo", "u").replace("ee", "i")


@cache
def _readings() -> dict[str, tuple[str, ...]]:
    raw = read_toml("credit", "family_names.toml")["readings"]
    return {name: tuple(_latin_key(r) for r in readings) for name, readings in raw.items()}


_CJK_BEFORE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]{1,5}$")


def _cross_script_keys(text: str, honorifics: list[str]) -> tuple[set[str], set[str]]:
    """From names in kanji or hangul followed by an honorific: (Latin keys of given or full
    names, Latin keys of family names)."""
    names: set[str] = set()
    families: set[str] = set()
    readings = _readings()
    for honorific in {h for h in honorifics if not h[0].isascii()}:
        at = text.find(honorific)
        while at != -1:
            run = _CJK_BEFORE.search(text, max(0, at - 5), at)
            at = text.find(honorific, at + 1)
            if run is None:
                continue
            word = run.group(0)
            for start in range(len(word)):  # the name may end a longer run of kanji
                suffix = word[start:]
                families.update(readings.get(suffix, ()))
                if all("\uac00" <= c <= "\ud7af" for c in suffix):
                    names.add(_latin_key(hangul_to_latin(suffix)))
                    # "최서연님": a family name read the usual way, then the given name.
                    for reading in readings.get(suffix[0], ()) if len(suffix) > 1 else ():
                        names.add(reading + _latin_key(hangul_to_latin(suffix[1:])))
    return names, families


def _credited_across_scripts(name: str, names: set[str], families: set[str]) -> bool:
    words, given_words, family_words, _ = _given_family(name)
    if len(words) < 2 or has_unspaced(name):
        return False
    given, family = _latin_key(given_words), _latin_key(family_words)
    return (
        given in names or family + given in names or given + family in names or family in families
    )


def _family_with_honorific(folded: str, family: str, honorifics: list[str]) -> bool:
    start = folded.find(family)
    while start != -1:
        end = start + len(family)
        if starts_word(folded, start) and any(folded.startswith(h, end) for h in honorifics):
            return True
        start = folded.find(family, start + 1)
    return False


def _bare_team_name(name: str) -> str:
    """The team's name without a leading or trailing team word ("Équipe Mobile" -> "mobile")."""
    words = fold(name).split()
    team_words = {fold(w) for w in _config()["before"] + _config()["after"]}
    while len(words) > 1 and words[0] in team_words:
        words = words[1:]
    while len(words) > 1 and words[-1] in team_words:
        words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=4096)
def _team_pattern(name: str) -> re.Pattern[str]:
    bare = _phrase(_bare_team_name(name).split())
    full = _phrase(fold(name).split())
    before = "|".join(_phrase(fold(w).split()) for w in _config()["before"])
    after = "|".join(
        re.escape(fold(w)) if w.startswith("-") else _phrase(fold(w).split())
        for w in _config()["after"]
    )
    # "the Mobile team", "l'équipe Mobile", "Mobileチーム", "Mobile-Team", or the full name.
    return re.compile(
        rf"(?:(?:{before})[\s\u00a0]*(?:{bare}))|(?:(?:{bare})(?:[\s\u00a0]*|-)(?:{after}))|(?:{full})"
    )


def credited_teams(text: str, teams: Mapping[str, str]) -> set[str]:
    """Ids of the `teams` (id -> name) the text names with a team word, or by a full name of
    several words ("Équipe Données", "Mobile Platform")."""
    if not text or not teams:
        return set()
    folded = fold(text)
    named = set()
    for team_id, name in teams.items():
        if not fold(name).strip():
            continue
        several_words = len(fold(name).split()) > 1
        for hit in _team_pattern(name).finditer(folded):
            if not _whole(folded, hit.start(), hit.end()):
                continue
            bare_only = fold(hit.group(0)).strip() == fold(name).strip()
            if bare_only and not several_words:
                continue  # "Mobile" alone is an adjective more often than a team
            named.add(team_id)
            break
    return named
