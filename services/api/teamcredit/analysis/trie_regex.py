"""Compile many phrases into one regular expression shaped like a trie.

Python's `re` tries the branches of a flat alternation one after the other at every
position, so a list of a few hundred phrases costs hundreds of comparisons per character.
Factoring the phrases into a trie (`th(?:anks|e team)`) makes each attempt follow a single
path, and children come before the end-of-phrase branch so the longest phrase wins.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

_END = ""
_WORD = re.compile(r"\w")

Trie = dict[str, "Trie"]


def is_word_char(char: str) -> bool:
    return _WORD.match(char) is not None


def default_atom(char: str) -> str:
    return re.escape(char)


def build_trie(phrases: Iterable[str]) -> Trie:
    root: Trie = {}
    for phrase in phrases:
        if not phrase:
            continue
        node = root
        for char in phrase:
            node = node.setdefault(char, {})
        node[_END] = {}
    return root


def trie_pattern(
    phrases: Iterable[str],
    *,
    atom: Callable[[str], str] = default_atom,
    word_end: bool = True,
    end_guard: Callable[[str], str] | None = None,
) -> str:
    """Regex source matching any phrase, longest first at a given start.

    With `word_end`, a phrase ending in a word character must not be followed by one,
    so "we" does not match inside "were". Start boundaries are the caller's business.
    `atom` must map a word character to a pattern matching that character only.
    `end_guard`, when given, replaces that rule: it maps a phrase's last character to the
    pattern placed after it (the project matcher counts a change of script as a word end).
    """
    root = build_trie(phrases)
    if not root:
        return "(?!)"
    return _emit(root, "", atom, word_end, end_guard)


def _emit(
    node: Trie,
    previous: str,
    atom: Callable[[str], str],
    word_end: bool,
    end_guard: Callable[[str], str] | None = None,
) -> str:
    branches = [
        atom(char) + _emit(child, char, atom, word_end, end_guard)
        for char, child in sorted(node.items())
        if char != _END
    ]
    if _END in node:
        if end_guard is not None:
            branches.append(end_guard(previous))
        else:
            # After a word character, \b means "no word character next", like (?!\w), but
            # `re` tests it in place instead of running a sub-pattern.
            branches.append(r"\b" if word_end and is_word_char(previous) else "")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"
