"""The sentence-role tags (bench/sentence_roles.py's data) stay true to the corpus."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from teamcredit.training.corpus import load_corpus
from teamcredit.training.sentence_roles import ROLES, TAGGED_BATCHES, load_roles, sentences


def test_sentences_are_cut_as_the_labellers_saw_them() -> None:
    assert sentences("I led it. Léa designed the schema!\n\nThanks, Omar") == [
        "I led it.",
        "Léa designed the schema!",
        "Thanks, Omar",
    ]
    assert sentences("入社しました。皆さんに感謝！ok") == ["入社しました。", "皆さんに感謝！"]
    assert sentences("Hi\n.\n3.5 million users") == ["3.5 million users"]


def test_every_tagged_post_is_a_training_post_the_lexicons_grew_from() -> None:
    posts = {post.id: post for post in load_corpus()}
    roles = load_roles(posts)
    tagged_batches = [p for p in posts.values() if p.split == "train" and p.batch in TAGGED_BATCHES]
    assert set(roles) == {post.id for post in tagged_batches}
    assert not [pid for pid in roles if posts[pid].lexicon_unread]
    counts = Counter(ROLES[tag] for tags in roles.values() for tag in tags)
    assert set(counts) == set(ROLES)
    assert counts["SELF"] > counts["OTHERS"] > counts["THANKS"]


def test_tags_that_no_longer_match_the_post_are_refused(tmp_path: Path) -> None:
    posts = {post.id: post for post in load_corpus()}
    first = next(iter(load_roles(posts)))
    stale = tmp_path / "roles.jsonl"
    stale.write_text(f'{{"id": "{first}", "tags": ["SELF"]}}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="tags for"):
        load_roles(posts, stale)
    unread = next(pid for pid, post in posts.items() if post.lexicon_unread)
    stale.write_text(f'{{"id": "{unread}", "tags": []}}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="batches 1-4 and 6"):
        load_roles(posts, stale)
