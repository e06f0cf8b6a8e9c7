"""Find lexicon phrases in text, whatever its case, in one pass over its code points.

This does what a trie-shaped regex (`trie_regex`) does, with the same hits, but `re` spent
60-100 ns at every word start and built a Match object per hit, half of the analyser's
time. Compiled with mypyc (see setup.py), the walk here costs a few ns per character.

The rules, those of the regex it replaced (tests/unit/analysis/test_framing_scan.py holds
the two to the same hits; test_scanner.py pins each rule):
- with word boundaries, a phrase starts at the start of the text or right after a
  delimiter (`charclass.DELIMITER_RANGES`); without (Japanese), anywhere;
- a space in a phrase matches any run of whitespace; an apostrophe matches ' ’ ʼ ‘ and a
  hyphen - ‐ ‑; any other character matches itself and its capital (the scan reads the
  text through a case-folding table: no lower-cased copy);
- a phrase ending in a word character must not be followed by one ("we" not in "were");
- the longest phrase starting at a position wins, and the scan resumes where it ended.

The scan is linear in the text: a walk is as long as a phrase, plus a whitespace run it
crosses only where a phrase has a space, and a run is crossed from a bounded number of
starts (the words of the phrases that lead into it).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Final

from mypy_extensions import i64

from teamcredit.analysis.charclass import DELIMITER_RANGES

# Symbols: what a code point is to the trie. 0 is "in no phrase", 1 is whitespace.
_OTHER: Final = 0
_SPACE: Final = 1
_BMP: Final = 0x10000
# Characters a phrase's character also matches. `lexicon.normalize_phrase` folds them too,
# so that a phrase and its lookup key agree.
# "ς" is "σ" at the end of a word: str.lower picks one by position, the scan reads both.
EQUIVALENT: Final = {"’": "'", "ʼ": "'", "‘": "'", "‐": "-", "‑": "-", "ς": "σ"}


def compiled() -> bool:
    """Whether the analyser runs compiled by mypyc (setup.py) rather than interpreted."""
    return not __file__.endswith(".py")


@cache
def _case_folds() -> dict[int, int]:
    """Upper- and title-case code points of the BMP and the one code point they lower-case
    to (str.lower); those that lower-case to more than one ("İ") are left out, as
    `lexicon.lower_keeping_offsets` leaves them."""
    folds: dict[int, int] = {}
    for code in range(_BMP):
        lowered = chr(code).lower()
        if len(lowered) == 1 and ord(lowered) != code:
            folds[code] = ord(lowered)
    return folds


# What `_char_classes` says of a code point, as bits.
_DELIMITER: Final = 1  # a phrase may start right after it
_CAPITAL: Final = 2  # it has a lower case of its own: where a name may begin
_WORD: Final = 4  # `re`'s \w: a phrase ending in a word character must not run into one


@cache
def _char_classes() -> bytes:
    """The bits above for every code point up to the last delimiter (the emoji block), 0
    past it. One table, so that the scan's per-character test is a single lookup."""
    size = max(_BMP, max(high for _, high in DELIMITER_RANGES) + 1)
    table = bytearray(size)
    for low, high in DELIMITER_RANGES:
        for code in range(low, high + 1):
            table[code] |= _DELIMITER
    for code in _case_folds():
        table[code] |= _CAPITAL
    for code in range(size):
        if _is_word(chr(code)):
            table[code] |= _WORD
    return bytes(table)


@cache
def whitespace() -> bytes:
    """1 at the code points `\\s` and `str.isspace` match, 0 elsewhere: every such
    character is below U+3001, the table's length."""
    return bytes(int(chr(code).isspace()) for code in range(0x3001))


# In a scanner with word boundaries, a symbol is the low bits of its table entry, and the
# top bit says whether the code point is a delimiter.
_SYMBOL_MASK: Final = 0x7F
_DELIMITER_BIT: Final = 0x80
# Node ids are stored in two bytes, with this bit for "a phrase ends here"; labels in two
# bytes too, with the other bit for `ends_in_word`.
_LABELLED: Final = 0x8000
_MAX_NODES: Final = 0x7FFF
_ENDS_IN_WORD: Final = 0x8000


def _is_word(char: str) -> bool:
    # `re`'s \w for str patterns.
    return char.isalnum() or char == "_"


def _merge_equal_suffixes(
    children: list[dict[int, int]],
    label_at: list[int],
    ends_in_word: list[bool],
    side_at: list[int],
) -> tuple[list[dict[int, int]], list[int], list[bool], list[int]]:
    """The same automaton with every two nodes that lead to the same hits made one.

    "{je suis|j'ai toujours été} {très |}{fier|fière} de {mon|notre} équipe" expands to many
    phrases that share their ends; a trie shares only their starts. Merged, the grown
    lexicons go from ~15,000-35,000 nodes to ~3,500-5,500, and the transition table fits in
    the cache again. Two nodes merge when they carry the same labels (of a phrase and of a
    side phrase), the same word-end rule and edges to the same merged nodes; the root stays
    node 0.
    """
    merged_id = [0] * len(children)
    known: dict[tuple[int, int, bool, tuple[tuple[int, int], ...]], int] = {}
    merged_children: list[dict[int, int]] = [{}]
    merged_label = [-1]
    merged_ends = [False]
    merged_side = [-1]
    # Children before parents: a node's signature needs its children's merged ids.
    order: list[int] = []
    stack = [0]
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(children[node].values())
    for node in reversed(order):
        outgoing = tuple(
            sorted((symbol, merged_id[child]) for symbol, child in children[node].items())
        )
        if node == 0:
            merged_children[0] = dict(outgoing)
            continue
        signature = (label_at[node], side_at[node], ends_in_word[node], outgoing)
        found = known.get(signature)
        if found is None:
            found = len(merged_children)
            known[signature] = found
            merged_children.append(dict(outgoing))
            merged_label.append(label_at[node])
            merged_ends.append(ends_in_word[node])
            merged_side.append(side_at[node])
        merged_id[node] = found
    merged_label[0] = label_at[0]
    return merged_children, merged_label, merged_ends, merged_side


class PhraseScanner:
    """Built once per phrase list; `scan` is then safe to call from many threads.

    A hit reports its phrase's label: by default the phrase's index in `phrases`; a lexicon
    gives every phrase of a group one label, which lets equal phrase endings share nodes.

    `side` phrases ride along in the same walk without taking part in the longest-match
    race: each is reported wherever it starts at a position the walk starts from (see
    `scan`), overlapping or not, and never hides or shortens a hit of `phrases`. The
    sentence-role reading (`roles`) counts them; a second scanner would walk the post a
    second time.
    """

    def __init__(
        self,
        phrases: Sequence[str],
        word_boundaries: bool = True,
        labels: Sequence[int] | None = None,
        side: Sequence[str] = (),
    ) -> None:
        self.word_boundaries: Final = word_boundaries
        symbol_of: dict[str, int] = {}
        children: list[dict[int, int]] = [{}]
        phrase_at: list[int] = [-1]
        side_at: list[int] = [-1]
        ends_in_word: list[bool] = [False]

        def walk(phrase: str) -> int:
            node = 0
            for char in phrase:
                char = EQUIVALENT.get(char, char)
                symbol = _SPACE
                if not char.isspace():
                    symbol = symbol_of.setdefault(char, len(symbol_of) + 2)
                child = children[node].get(symbol)
                if child is None:
                    child = len(children)
                    children[node][symbol] = child
                    children.append({})
                    phrase_at.append(-1)
                    side_at.append(-1)
                    ends_in_word.append(False)
                node = child
            if node:
                ends_in_word[node] = word_boundaries and _is_word(phrase[-1])
            return node

        for index, phrase in enumerate(side):
            node = walk(phrase)
            if node == 0:
                continue
            if side_at[node] >= 0:
                raise ValueError(f"{side[side_at[node]]!r} and {phrase!r} read the same")
            side_at[node] = index
        for index, phrase in enumerate(phrases):
            node = walk(phrase)
            if node == 0:
                continue  # an empty phrase matches nothing
            if phrase_at[node] >= 0:
                raise ValueError(f"{phrases[phrase_at[node]]!r} and {phrase!r} read the same")
            phrase_at[node] = index
        if len(symbol_of) + 2 > 255:
            raise ValueError("more than 253 distinct characters in the phrases")
        label_at = [
            -1 if index < 0 else index if labels is None else labels[index] for index in phrase_at
        ]
        children, label_at, ends_in_word, side_at = _merge_equal_suffixes(
            children, label_at, ends_in_word, side_at
        )
        if len(children) > _MAX_NODES:
            raise ValueError(f"more than {_MAX_NODES} trie nodes in the phrases")
        self._width: Final = len(symbol_of) + 2
        # Dense transitions, node * width + symbol -> child (0: none, as no edge leads
        # back to the root): an index is far cheaper than a dict lookup per character.
        # Two bytes per edge (little-endian), not a list of ints: a list's 8-byte pointers
        # would not fit in the cache.
        # The top bit of an edge says whether a phrase ends at its child, so that a walk
        # reads the child's label only where there is one.
        edges = bytearray(2 * len(children) * self._width)
        for node, outgoing in enumerate(children):
            for symbol, child in outgoing.items():
                at = 2 * (node * self._width + symbol)
                labelled = label_at[child] >= 0 or side_at[child] >= 0
                value = child | (_LABELLED if labelled else 0)
                edges[at] = value & 0xFF
                edges[at + 1] = value >> 8
        self._edges: Final = bytes(edges)
        self._label_at: Final = label_at
        # `label_at` and `ends_in_word` as one two-byte entry per node, read where an edge
        # says a phrase ends: label + 1, plus _ENDS_IN_WORD if the phrase ends in a word
        # character. Bytes, not a list: compiled, no boxed int to unwrap.
        node_labels = bytearray(2 * len(children))
        for node, label in enumerate(label_at):
            if label >= _ENDS_IN_WORD - 1:
                raise ValueError(f"more than {_ENDS_IN_WORD - 2} labels in the phrases")
            entry = label + 1 + (_ENDS_IN_WORD if ends_in_word[node] else 0)
            node_labels[2 * node] = entry & 0xFF
            node_labels[2 * node + 1] = entry >> 8
        self._node_labels: Final = bytes(node_labels)
        # The side phrase ending at each node, + 1 (0: none), in two bytes.
        if len(side) >= 0xFFFF:
            raise ValueError("more than 65,534 side phrases")
        side_labels = bytearray(2 * len(children))
        for node, index in enumerate(side_at):
            side_labels[2 * node] = (index + 1) & 0xFF
            side_labels[2 * node + 1] = (index + 1) >> 8
        self._side_labels: Final = bytes(side_labels)
        self._has_side: Final = bool(side)
        table = bytearray(_BMP)
        astral: dict[int, int] = {}
        for char, symbol in symbol_of.items():
            variants = [char] + [key for key, value in EQUIVALENT.items() if value == char]
            for variant in variants:
                if ord(variant) < _BMP:
                    table[ord(variant)] = symbol
                else:
                    astral[ord(variant)] = symbol
        for code, space in enumerate(whitespace()):
            if space:
                table[code] = _SPACE
        # Capitals read as their lower case, so the walk needs no lower-cased copy of the
        # text (str.lower cost as much as a fifth of the analysis on posts with emoji).
        for code, lowered in _case_folds().items():
            if table[code] == _OTHER:
                table[code] = table[lowered]
        # With word boundaries, the table also tells which code points are delimiters (the
        # top bit), so that a walk which fails notes the next word start as it goes instead
        # of the scan reading its characters a second time (see `scan`).
        self._symbol_mask: Final = _SYMBOL_MASK if word_boundaries else 0xFF
        if word_boundaries:
            if self._width > _SYMBOL_MASK + 1:
                raise ValueError(
                    f"more than {_SYMBOL_MASK - 1} distinct characters in phrases with word "
                    "boundaries"
                )
            for low, high in DELIMITER_RANGES:
                for code in range(low, min(high + 1, _BMP)):
                    table[code] |= _DELIMITER_BIT
            classes = _char_classes()
            for code in astral:
                if code < len(classes) and classes[code] & _DELIMITER:
                    astral[code] |= _DELIMITER_BIT
        self._symbols: Final = bytes(table)
        self._astral: Final = astral

    def scan(
        self, text: str, capitals: list[int] | None = None, side: list[int] | None = None
    ) -> list[int]:
        """Every hit as three ints, start, end and the phrase's label: [s0, e0, l0, s1, ...].

        Case does not matter: a capital reads as its lower case. Given a list, also appends
        to it the offset of every word start that is a capital letter: where names may
        begin (`mentions.proper_names`), found here because this loop stops at each word.
        Given `side`, appends to it every side phrase found, as its index in the scanner's
        `side` phrases (in text order; their spans are not kept: what reads them needs only
        which they are, and boxing two offsets per hit cost a fifth of the side phrases'
        price). A side phrase is found where a walk starts: at each word start (each
        position without word boundaries) outside the hits above.
        """
        found: list[int] = []
        track_capitals = capitals is not None
        capital_starts: list[int] = capitals if capitals is not None else []
        side_hits: list[int] = side if side is not None else []
        track_side = side is not None and self._has_side
        side_labels = self._side_labels
        classes = _char_classes()
        classes_size: i64 = len(classes)
        size: i64 = len(text)
        symbols = self._symbols
        mask: i64 = self._symbol_mask
        astral = self._astral
        edges = self._edges
        node_labels = self._node_labels
        width: i64 = self._width
        boundaries = self.word_boundaries
        # i64 locals for every table read: an int's `&`, `|` or `<<` compiles to a call,
        # an i64's to one instruction.
        start: i64 = 0
        while start < size:
            # `start` may begin a phrase: the start of the text, after a delimiter, or any
            # position without word boundaries. Its code point is read once, for the
            # capital test and the walk's first step.
            code: i64 = ord(text[start])
            if track_capitals and code < _BMP:
                flags: i64 = classes[code]
                if flags & _CAPITAL:
                    capital_starts.append(start)
            # Walk the trie from `start`, remembering the longest phrase that may end, and
            # the first delimiter it crosses: where the next word starts if nothing matches.
            node: i64 = 0
            position: i64 = start
            best_end: i64 = -1
            best_label: i64 = -1
            first_delimiter: i64 = -1
            while True:
                entry: i64 = symbols[code] if code < _BMP else astral.get(code, _OTHER)
                symbol: i64 = entry & mask
                if symbol == _OTHER:
                    break
                at: i64 = 2 * (node * width + symbol)
                low: i64 = edges[at]
                high: i64 = edges[at + 1]
                edge: i64 = low | (high << 8)
                if edge == 0:
                    break
                node = edge & _MAX_NODES
                if first_delimiter < 0 and entry & _DELIMITER_BIT and boundaries:
                    first_delimiter = position
                position += 1
                if symbol == _SPACE:
                    # Crossed only where a phrase goes on after a space (see the docstring).
                    while position < size:
                        code = ord(text[position])
                        if code >= _BMP:
                            break
                        entry = symbols[code]
                        if entry & mask != _SPACE:
                            break
                        if first_delimiter < 0 and entry & _DELIMITER_BIT and boundaries:
                            first_delimiter = position  # after U+1680, a space but no delimiter
                        position += 1
                if edge & _LABELLED:
                    low = node_labels[2 * node]
                    high = node_labels[2 * node + 1]
                    label: i64 = low | (high << 8)
                    if not (
                        label & _ENDS_IN_WORD
                        and position < size
                        and _is_word_at(text, position, classes)
                    ):
                        main: i64 = (label & (_ENDS_IN_WORD - 1)) - 1
                        if main >= 0:
                            best_end = position
                            best_label = main
                        if track_side:
                            low = side_labels[2 * node]
                            high = side_labels[2 * node + 1]
                            side_label: i64 = (low | (high << 8)) - 1
                            if side_label >= 0:
                                side_hits.append(side_label)
                if position >= size:
                    break
                code = ord(text[position])
            if not boundaries:
                if best_label >= 0:
                    found.append(start)
                    found.append(best_end)
                    found.append(best_label)
                    start = best_end
                else:
                    start += 1
                continue
            if best_label >= 0:
                found.append(start)
                found.append(best_end)
                found.append(best_label)
                # The next phrase needs a delimiter first, at best_end or later.
                start = best_end
            elif first_delimiter >= 0:
                start = first_delimiter + 1
                continue
            else:
                # No delimiter in what the walk read: the next one is at `position` or after.
                start = position
                # The walk stopped at `position` after reading its code point and table
                # entry: the skip below need not read them again (about 200 reads a post).
                # Past the BMP the entry may not carry the delimiter bit: the skip decides.
                if start < size and code < _BMP:
                    start += 1
                    if entry & _DELIMITER_BIT:
                        continue
            # Skip to the next delimiter: the next start is the position after it.
            while start < size:
                code = ord(text[start])
                start += 1
                if code < _BMP:
                    entry = symbols[code]
                    if entry & _DELIMITER_BIT:
                        break
                elif code < classes_size:
                    flags = classes[code]
                    if flags & _DELIMITER:
                        break
        return found


def _is_word_at(text: str, position: int, classes: bytes) -> bool:
    code: i64 = ord(text[position])
    if code < len(classes):
        flags: i64 = classes[code]
        return flags & _WORD != 0
    return _is_word(text[position])
