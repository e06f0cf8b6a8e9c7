"""The role phrases are what `training.roles` learns from the tagged sentences."""

from __future__ import annotations

import json

import pytest

from teamcredit.training.corpus import in_split, load_corpus
from teamcredit.training.roles import PHRASES_PER_LANGUAGE, ROLES_PATH, candidates, train


def test_candidates_are_words_and_pairs_of_words_with_a_letter() -> None:
    found = set(candidates("J'ai remercié Léa, 12:30 [...] merci !", spaced=True))
    assert {"j'ai", "remercié", "léa", "merci", "j", "ai", "remercié léa"} <= found
    assert not {"12", "30", "...", "léa merci"} & found  # no letter; a comma between


def test_without_word_boundaries_candidates_are_character_grams() -> None:
    found = set(candidates("彼に感謝。", spaced=False))
    assert {"彼", "彼に", "彼に感", "感謝"} <= found
    assert "。" not in found


def test_the_shipped_role_phrases_are_reproducible_from_the_tagged_sentences() -> None:
    shipped = json.loads(ROLES_PATH.read_text(encoding="utf-8"))
    refitted = train(in_split(load_corpus(), "train"))
    assert {k: v for k, v in refitted.items() if k != "languages"} == {
        k: v for k, v in shipped.items() if k != "languages"
    }
    for language, table in refitted["languages"].items():
        phrases = table["phrases"]
        assert list(phrases) == list(shipped["languages"][language]["phrases"]), language
        assert len(phrases) == PHRASES_PER_LANGUAGE
        for phrase, weights in phrases.items():
            # Solver round-off may differ across BLAS builds; a stale file differs far more.
            shipped_weights = shipped["languages"][language]["phrases"][phrase]
            assert weights == pytest.approx(shipped_weights, abs=1e-3), phrase
