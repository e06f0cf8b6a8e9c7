"""Find which projects a post is about, by their names, aliases and keywords.

All terms of all projects go into one trie-shaped regex over the case- and accent-folded
text, so a post costs one scan whatever the number of projects. Terms match whole words
only ("Atlas" never matches "Atlassian"); where terms overlap, the longest wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from teamcredit.analysis.charclass import DELIMITER_CLASS
from teamcredit.analysis.fold import fold, fold_with_offsets
from teamcredit.analysis.models import TextSpan
from teamcredit.analysis.trie_regex import trie_pattern

_SEPARATORS = re.compile(r"[\s\-‐‑–—_/]+")


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
        # Each match consumes only the delimiter before a word and looks ahead for the
        # longest term starting there, so overlapping terms are all seen and `match` keeps
        # the longest. Starting on a delimiter lets `re` skip the inside of words quickly.
        body = trie_pattern(self._owners, atom=_atom, word_end=True)
        self._pattern = re.compile(rf"{DELIMITER_CLASS}(?=({body}))") if self._owners else None

    def __len__(self) -> int:
        return len(self._owners)

    def match(self, text: str) -> tuple[ProjectMatch, ...]:
        if self._pattern is None or not text:
            return ()
        folded, origin = fold_with_offsets(text)
        # The padding space makes a term at the very start follow a delimiter too.
        candidates = [
            (found.start(1) - 1, found.end(1) - 1)
            for found in self._pattern.finditer(" " + folded)
            if found.end(1) > found.start(1)
        ]
        chosen: list[tuple[int, int]] = []
        for start, end in sorted(candidates, key=lambda span: (span[0] - span[1], span[0])):
            if all(end <= low or high <= start for low, high in chosen):
                chosen.append((start, end))
        matches: list[ProjectMatch] = []
        for start, end in sorted(chosen):
            key = _SEPARATORS.sub(" ", folded[start:end])
            if origin is not None:
                # origin[end] is where the next kept character starts, so combining marks
                # after the term's last letter stay inside the span.
                start, end = origin[start], origin[end]
            span = TextSpan(start, end, text[start:end])
            matches.extend(
                ProjectMatch(project_id=project_id, term=term, span=span)
                for project_id, term in self._owners.get(key, ())
            )
        return tuple(matches)
