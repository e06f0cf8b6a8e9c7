"""The role phrases are what `training.roles` learns from the tagged sentences."""

from __future__ import annotations

import json

import pytest

from teamcredit.analysis.lexicon import build_lexicon
from teamcredit.training.corpus import in_split, load_corpus
from teamcredit.training.roles import (
    PHRASES_PER_LANGUAGE,
    ROLES_PATH,
    candidates,
    occurrences,
    select_phrases,
    train,
    visible,
)


def test_candidates_are_words_and_pairs_of_words_with_a_letter() -> None:
    found = candidates("J’ai remercié Léa, 12:30 [...] merci !", spaced=True)
    assert {"j'ai", "remercié", "léa", "merci", "j", "ai", "remercié léa"} <= found
    assert not {"12", "30", "...", "léa merci"} & found  # no letter; a comma between


def test_without_word_boundaries_candidates_are_character_grams() -> None:
    found = candidates("彼に感謝。", spaced=False)
    assert {"彼", "彼に", "彼に感", "感謝"} <= found
    assert "。" not in found


def test_a_word_is_capitalised_where_it_starts_with_a_capital_inside_the_sentence() -> None:
    found = {(o.phrase, o.capitalised) for o in occurrences("Thanks Ian, thanks", spaced=True)}
    assert {("thanks", False), ("ian", True)} <= found


def test_only_phrases_the_scanner_can_find_are_counted() -> None:
    # "remercie" stands inside the French lexicon's "je remercie": the walk that finds
    # side phrases starts at "je", then after the hit.
    found = {o.phrase for o in visible("Je remercie Paul.", build_lexicon("fr"))}
    assert {"je", "je remercie", "paul"} <= found
    assert not {"remercie", "remercie paul"} & found


def test_selection_leaves_out_names() -> None:
    # The only words that tell the two roles apart: "Ian" (a name, capitalised inside
    # the sentence) and "me".
    texts = [f"Thanks go to Ian for post {n}." for n in range(40)]
    texts += [f"Thanks go to me for post {n}." for n in range(40)]
    chosen = select_phrases(texts, [2] * 40 + [0] * 40, list(range(80)), build_lexicon("en"))
    assert "me" in chosen or "to me" in chosen
    assert not [phrase for phrase in chosen if "ian" in phrase.split()]


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
