"""Find which projects a post is about, by their names, aliases and keywords.

All terms of all projects go into one trie-shaped regex over the case- and accent-folded
text, so a post costs one scan whatever the number of projects. Terms are exact phrases
(after folding case and accents, and reading spaces, hyphens, underscores and slashes as one
separator) and match whole words only ("Atlas" never matches "Atlassian"); a change of
script counts as a word boundary ("私たちのHikariが", "Hikari가"), see scripts.py. Hashtags
are also read split at their CamelCase humps ("#HikariGateway" -> "Hikari Gateway").
Where terms overlap, the longest wins. `by_focus` orders the matched projects by what the
post is mainly about. See docs/credit.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from teamcredit.analysis.fold import fold, fold_with_offsets
from teamcredit.analysis.models import TextSpan
from teamcredit.analysis.scripts import SPACED_WORD, UNSPACED, is_unspaced
from teamcredit.analysis.trie_regex import trie_pattern

_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")
_HASHTAG = re.compile(r"[#＃](\w+)")
# A hump: lower-case or digit then upper-case ("hikariGateway"), or an acronym's last capital
# before a capitalised word ("APIGateway" -> "API Gateway").
_HUMP = re.compile(r"(?<=[^\W\d_])(?=\d)|(?<=[a-z\d])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


@dataclass(frozen=True, slots=True)
class ProjectTerms:
    project_id: str
    name: str
    aliases: Sequence[str] = ()
    keywords: Sequence[str] = ()


@dataclass(frozen=True, slots=True)
class ProjectMatch:
    project_id: str
    # The project's own spelling of the term that matched (name, alias or keyword).
    term: str
    span: TextSpan


def _key(term: str) -> str:
    """Folded form with spaces, hyphens and the like reduced to one space."""
    return _SEPARATORS.sub(" ", fold(term)).strip()


def _atom(char: str) -> str:
    # "Data-Platform", "data platform" and "data_platform" name the same project.
    return r"[\s\-‐‑–—_/]+" if char == " " else re.escape(char)


def _end_guard(last: str) -> str:
    # A term ending in kana, kanji or hangul has no word end to check (those scripts put
    # no spaces between words); after any other character the next one must not be a word
    # character of a spaced script.
    return "" if is_unspaced(last) or not re.match(r"\w", last) else f"(?!{SPACED_WORD})"


def _hashtag_parts(text: str) -> list[tuple[str, list[int]]]:
    """Each CamelCase or snake_case hashtag body split at its humps and underscores, with
    the original offset of every character of the split form (and one past the end)."""
    parts = []
    for found in _HASHTAG.finditer(text):
        # An underscore becomes a space in place; humps get a space inserted.
        body, offset = found.group(1).replace("_", " "), found.start(1)
        pieces = _HUMP.split(body)
        if len(pieces) < 2 and " " not in body:
            continue
        split, origin = [], []
        position = offset
        for index, piece in enumerate(pieces):
            if index:
                split.append(" ")
                origin.append(position)
            split.append(piece)
            origin.extend(range(position, position + len(piece)))
            position += len(piece)
        origin.append(position)
        parts.append(("".join(split), origin))
    return parts


def by_focus(matches: Sequence[ProjectMatch]) -> tuple[str, ...]:
    """Matched project ids, the one the post is mainly about first: more mentions first,
    then the earlier first mention."""
    seen: dict[str, list[int]] = {}
    for m in matches:
        first_and_count = seen.setdefault(m.project_id, [m.span.start, 0])
        first_and_count[0] = min(first_and_count[0], m.span.start)
        first_and_count[1] += 1
    return tuple(sorted(seen, key=lambda pid: (-seen[pid][1], seen[pid][0], pid)))


class ProjectMatcher:
    """Built once per project dictionary; `match` is then safe to call from many threads."""

    def __init__(self, projects: Iterable[ProjectTerms]) -> None:
        owners: dict[str, list[tuple[str, str]]] = {}
        for project in projects:
            for term in (project.name, *project.aliases, *project.keywords):
                key = _key(term)
                if not key:
                    continue
                holders = owners.setdefault(key, [])
                if all(holder != project.project_id for holder, _ in holders):
                    holders.append((project.project_id, term))
        self._owners = {key: tuple(sorted(value)) for key, value in owners.items()}
        # Each match consumes nothing and looks ahead for the longest term starting there,
        # so overlapping terms are all seen and `match` keeps the longest. A term starts
        # where no word character of a spaced script comes before, or on kana, kanji or
        # hangul (see scripts.py).
        body = trie_pattern(self._owners, atom=_atom, end_guard=_end_guard)
        start = rf"(?:(?<!{SPACED_WORD})|(?={UNSPACED}))"
        self._pattern = re.compile(rf"{start}(?=({body}))") if self._owners else None

    def __len__(self) -> int:
        return len(self._owners)

    def match(self, text: str) -> tuple[ProjectMatch, ...]:
        if self._pattern is None or not text:
            return ()
        pattern = self._pattern
        folded, origin = fold_with_offsets(text)
        # (start, end) in the original text, and the folded key of the term.
        candidates: list[tuple[int, int, str]] = []
        for found in pattern.finditer(folded):
            start, end = found.span(1)
            if end > start:
                key = _SEPARATORS.sub(" ", folded[start:end])
                if origin is not None:
                    # origin[end] is where the next kept character starts, so combining
                    # marks after the term's last letter stay inside the span.
                    start, end = origin[start], origin[end]
                candidates.append((start, end, key))
        if "#" in text or "＃" in text:
            for split, where in _hashtag_parts(text):
                folded_split = fold(split)
                if len(folded_split) != len(split):
                    continue  # combining marks in a hashtag: rare, and offsets would drift
                for found in pattern.finditer(folded_split):
                    low, high = found.span(1)
                    if high > low:
                        key = _SEPARATORS.sub(" ", folded_split[low:high])
                        candidates.append((where[low], where[high - 1] + 1, key))
        chosen: list[tuple[int, int, str]] = []
        for start, end, key in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if all(end <= low or high <= start for low, high, _ in chosen):
                chosen.append((start, end, key))
        matches: list[ProjectMatch] = []
        for start, end, key in sorted(chosen):
            span = TextSpan(start, end, text[start:end])
            matches.extend(
                ProjectMatch(project_id=project_id, term=term, span=span)
                for project_id, term in self._owners.get(key, ())
            )
        return tuple(matches)
