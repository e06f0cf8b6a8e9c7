"""Case- and accent-folding that keeps track of where each folded character came from."""

from __future__ import annotations

import unicodedata


class _FoldTable(dict[int, str]):
    """str.translate table: each character to its lower-case base letter, filled on demand.

    Every character maps to exactly one character, except combining marks, which map to ""
    (that is how "e" + U+0301 folds to "e"), so the folded text is only shorter than the
    original when the original held combining marks.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        if unicodedata.combining(char):
            folded = ""
        else:
            base = "".join(
                part
                for part in unicodedata.normalize("NFD", char)
                if not unicodedata.combining(part)
            )
            folded = base.lower() if len(base.lower()) == 1 else char.lower()
            if len(folded) != 1:
                folded = char
        self[code] = folded
        return folded


_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Lower case without accents: "Équipe Données" -> "equipe donnees"."""
    return text.translate(_TABLE)


def fold_with_offsets(text: str) -> tuple[str, list[int] | None]:
    """The folded text and, when lengths differ, the original offset of each folded index.

    The offset list has one extra entry for the end of the text. None means offsets are
    unchanged (the common case: no combining marks), so callers can skip the mapping.
    """
    folded = text.translate(_TABLE)
    if len(folded) == len(text):
        return folded, None
    origin: list[int] = []
    for index, char in enumerate(text):
        origin.extend([index] * len(_TABLE[ord(char)]))
    origin.append(len(text))
    return folded, origin
