"""The real-post corpus: its shape, its double labels, and the locked test split."""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest

from teamcredit.analysis.models import Orientation
from teamcredit.training.corpus import (
    SPLITS,
    CorpusPost,
    assign_splits,
    digest_of_split,
    in_split,
    load_corpus,
    load_reserve,
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


def test_later_batches_are_labelled_three_times_and_take_the_majority(
    corpus: list[CorpusPost],
) -> None:
    fresh = [post for post in corpus if post.batch >= 2]
    assert {post.batch for post in fresh} == {2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14}
    assert len(fresh) >= 1300
    for post in fresh:
        assert post.second is not None and post.third is not None, post.id
        votes = Counter([post.first.label, post.second.label, post.third.label])
        label, count = votes.most_common(1)[0]
        if count >= 2:
            assert post.label is label, post.id


def test_the_test_split_is_locked(corpus: list[CorpusPost]) -> None:
    lock = read_lock()
    test = in_split(corpus, "test")
    assert len(test) == lock["test_posts"] >= 150
    assert digest_of_split(corpus) == lock["test_digest"]


def test_the_test_split_is_batch_14_and_the_scored_splits_are_retired(
    corpus: list[CorpusPost],
) -> None:
    """Each test split, once scored, joins the fitted data: the first (199 posts of batch
    1) calibrates, batches 2, 3, 5, 7, 8, 9, 10, 11, 12 and 13 train. The test split is batch 14, kept
    apart and unread until the model changed, with every class in every language."""
    lock = read_lock()
    assert {post.batch for post in in_split(corpus, "test")} == {14}
    assert not [post for post in corpus if post.batch >= 14 and post.split != "test"]
    first, second, third, fourth, fifth, sixth, seventh, eighth, ninth, tenth = lock["retired"]
    for retired, now in (
        (first, "validation"),
        (second, "train"),
        (third, "train"),
        (fourth, "train"),
        (fifth, "train"),
        (sixth, "train"),
        (seventh, "train"),
        (eighth, "train"),
        (ninth, "train"),
        (tenth, "train"),
    ):
        ids = sorted(retired["ids"])
        assert len(ids) == retired["test_posts"]
        assert hashlib.sha256("\n".join(ids).encode()).hexdigest() == retired["test_digest"]
        assert set(ids) <= {post.id for post in in_split(corpus, now)}
    assert [r["test_posts"] for r in lock["retired"]] == [
        199,
        280,
        252,
        254,
        255,
        281,
        563,
        282,
        295,
        296,
    ]
    for retired, batches in (
        (second, {2}),
        (third, {3}),
        (fourth, {5}),
        (fifth, {7}),
        (sixth, {8}),
        (seventh, {9, 10}),
        (eighth, {11}),
        (ninth, {12}),
        (tenth, {13}),
    ):
        assert {post.batch for post in corpus if post.id in set(retired["ids"])} == batches
    for language in LANGUAGES:
        labels = {post.label for post in in_split(corpus, "test") if post.language == language}
        assert labels == set(Orientation), language


def test_no_test_post_repeats_a_training_post(corpus: list[CorpusPost]) -> None:
    def key(text: str) -> str:
        return "".join(ch for ch in text.lower() if ch.isalnum())[:200]

    fitted = {key(post.text) for post in corpus if post.split != "test"}
    fitted_urls = {post.url for post in corpus if post.split != "test"}
    for post in in_split(corpus, "test"):
        assert key(post.text) not in fitted, post.id
        assert post.url not in fitted_urls, post.id


def test_assign_splits_is_deterministic_and_stratified() -> None:
    strata = {f"p{i}": ("a" if i % 2 else "b") for i in range(40)}
    first = assign_splits(strata)
    assert first == assign_splits(dict(reversed(list(strata.items()))))
    for stratum in ("a", "b"):
        counts = Counter(split for pid, split in first.items() if strata[pid] == stratum)
        assert counts == {"test": 6, "validation": 3, "train": 11}


def test_the_reserve_is_locked_fresh_and_apart(corpus: list[CorpusPost]) -> None:
    """Batch 15 waits, unscored, to be the next test split: pinned, labelled three times,
    and sharing no post with the corpus anything is fitted or scored on."""
    reserve = load_reserve()
    lock = read_lock()["reserve"]
    assert len(reserve) == lock["posts"] >= 150
    assert digest_of_split(reserve, "reserve") == lock["digest"]
    assert {post.split for post in reserve} == {"reserve"}
    assert {post.batch for post in reserve} == {15}
    assert {post.language for post in reserve} == set(LANGUAGES)
    assert all(post.second is not None and post.third is not None for post in reserve)
    ids = {post.id for post in corpus}
    urls = {post.url for post in corpus}
    texts = {post.text[:200] for post in corpus}
    for post in reserve:
        assert post.id not in ids and post.url not in urls and post.text[:200] not in texts
