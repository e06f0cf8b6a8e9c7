"""Whose contribution each sentence of a post describes, tagged on 1,449 training posts.

`tests/data/framing/sentence_roles.jsonl` gives every sentence of those posts one role
(docs/sentence-roles.md): SELF (the author's own part), WE (a group the author belongs
to), OTHERS (specific credit to named people or to a group's concrete work), THANKS
(generic gratitude) or NONE. Each row is {"id", "tags"}: the sentences are not copied, they
are cut from the corpus text by `sentences`, the cut the labellers saw. The tagged posts
are the training posts of batches 1-4 and 6, the batches the lexicons grew from, so the
posts no lexicon rule came from stay unread. `training.roles` learns the analyser's role
phrases from them (analysis/roles.py).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

from teamcredit.analysis.roles import ROLES
from teamcredit.training.corpus import CORPUS_DIR, CorpusPost

ROLES_FILE = CORPUS_DIR / "sentence_roles.jsonl"
# The batches whose misses the lexicons grew from: tagging them reads nothing new.
TAGGED_BATCHES = frozenset({1, 2, 3, 4, 6})
# A sentence ends at . ! ? (and their full-width forms) before a space, at a line break, or
# right after a Japanese full stop, which no space follows.
_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s+|\n+|(?<=[。！？])")
_SHORTEST = 3


def sentences(text: str) -> list[str]:
    """The post's sentences as the labellers saw them (under three characters: dropped)."""
    parts = (part.strip() for part in _SENTENCE_END.split(text))
    return [part for part in parts if len(part) >= _SHORTEST]


def load_roles(posts: Mapping[str, CorpusPost], path: Path = ROLES_FILE) -> dict[str, list[int]]:
    """Post id -> the index in ROLES of each sentence's tag. Refuses a post outside the
    training posts of TAGGED_BATCHES, and tags that no longer match the post's sentences."""
    roles: dict[str, list[int]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        post = posts.get(row["id"])
        if post is None or post.batch not in TAGGED_BATCHES or post.split != "train":
            raise ValueError(
                f"{row['id']}: sentence roles are for training posts of batches 1-4 and 6"
            )
        count = len(sentences(post.text))
        if count != len(row["tags"]):
            raise ValueError(f"{post.id}: {len(row['tags'])} tags for {count} sentences")
        roles[post.id] = [ROLES.index(tag) for tag in row["tags"]]
    return roles
