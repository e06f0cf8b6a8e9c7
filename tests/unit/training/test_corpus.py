"""The real-post corpus: its shape, its double labels, and the locked test split."""

from __future__ import annotations

from collections import Counter

import pytest

from teamcredit.analysis.models import Orientation
from teamcredit.training.corpus import (
    SPLITS,
    CorpusPost,
    assign_splits,
    digest_of_test_split,
    in_split,
    load_corpus,
    read_lock,
)

LANGUAGES = ("en", "fr", "es", "de", "ja")


@pytest.fixture(scope="module")
def corpus() -> list[CorpusPost]:
    return load_corpus()


def test_corpus_size_and_languages(corpus: list[CorpusPost]) -> None:
    languages = Counter(post.language for post in corpus)
    assert len(corpus) >= 500
    assert languages["en"] >= 200 and languages["fr"] >= 150
    assert set(languages) == set(LANGUAGES)


def test_every_class_in_every_language(corpus: list[CorpusPost]) -> None:
    for language in LANGUAGES:
        labels = {post.label for post in corpus if post.language == language}
        assert labels == set(Orientation), language


def test_rows_are_real_excerpts_labelled_twice(corpus: list[CorpusPost]) -> None:
    assert len({post.id for post in corpus}) == len(corpus)
    assert len({post.url for post in corpus}) == len(corpus)
    for post in corpus:
        assert post.url.startswith(("http://", "https://")), post.id
        assert 120 <= len(post.text) <= 1300, post.id
        assert post.second is not None, f"{post.id} has no blind second label"
        assert post.split in SPLITS, post.id
        # Where the labellers disagreed, the adjudicated label is one of theirs or a third
        # reading; where they agreed, it is theirs.
        if post.first.label is post.second.label:
            assert post.label is post.first.label, post.id


def test_the_test_split_is_locked(corpus: list[CorpusPost]) -> None:
    lock = read_lock()
    test = in_split(corpus, "test")
    assert len(test) == lock["test_posts"] >= 150
    assert digest_of_test_split(corpus) == lock["test_digest"]


def test_the_test_split_is_stratified(corpus: list[CorpusPost]) -> None:
    share = len(in_split(corpus, "test")) / len(corpus)
    for language in LANGUAGES:
        in_language = [post for post in corpus if post.language == language]
        test = [post for post in in_language if post.split == "test"]
        assert abs(len(test) / len(in_language) - share) < 0.1, language


def test_assign_splits_is_deterministic_and_stratified() -> None:
    strata = {f"p{i}": ("a" if i % 2 else "b") for i in range(40)}
    first = assign_splits(strata)
    assert first == assign_splits(dict(reversed(list(strata.items()))))
    for stratum in ("a", "b"):
        counts = Counter(split for pid, split in first.items() if strata[pid] == stratum)
        assert counts == {"test": 6, "validation": 3, "train": 11}
