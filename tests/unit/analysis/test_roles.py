"""The role phrases: learned weights, found in the lexicon's pass, summed per role."""

from __future__ import annotations

import json
import random

import pytest

from teamcredit.analysis.features import FEATURE_NAMES
from teamcredit.analysis.framing import scan_post
from teamcredit.analysis.lexicon import build_lexicon, get_lexicon, supported_languages
from teamcredit.analysis.resources import read_text
from teamcredit.analysis.roles import (
    ROLE_FEATURES,
    ROLES,
    RoleModel,
    parse_roles,
    role_models,
    role_phrases,
    role_sums,
)
from teamcredit.training.corpus import in_split, load_corpus, load_devset


def role(text: str, name: str, language: str = "en") -> float:
    return scan_post(text, language).features[FEATURE_NAMES.index(f"{name}_phrases")]


def test_the_framing_features_end_with_one_per_role() -> None:
    assert FEATURE_NAMES[-len(ROLES) :] == ROLE_FEATURES
    assert ROLE_FEATURES == (
        "self_phrases",
        "we_phrases",
        "others_phrases",
        "thanks_phrases",
        "none_phrases",
    )


def test_every_role_phrase_is_found_by_its_language_scanner() -> None:
    for language in supported_languages():
        phrases = role_phrases(language)
        assert len(phrases) == 50, language
        scanner = get_lexicon(language).scanner
        for index, phrase in enumerate(phrases):
            found: list[int] = []
            scanner.scan(f" {phrase} ", None, found)
            assert index in found, (language, phrase)


def test_the_phrases_weights_are_summed_per_role() -> None:
    model = RoleModel(("he", "we"), [[0.0, 0.0, 2.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0, -1.0]])
    assert role_sums([0, 1, 0], model) == [0.0, 1.0, 4.0, 0.0, -1.0]
    assert role_sums([], model) == [0.0] * 5
    assert role_sums([0], None) == [0.0] * 5


def test_the_role_features_are_densities_per_hundred_words() -> None:
    # 60 characters are 10 words: 100 / (10 + 20) per unit of weight.
    text = "he " * 20
    he = role_models()["en"].phrase_weights[role_phrases("en").index("he")].others
    assert role(text, "others") == pytest.approx(20 * he * 100 / 30)


def test_a_sentence_about_someone_else_reads_as_others_and_one_about_me_as_self() -> None:
    about_her = "She designed the whole schema and he ran the cut-over for us."
    about_me = "I am so proud: I designed the whole schema and I ran the cut-over."
    assert role(about_her, "others") > role(about_me, "others")
    assert role(about_me, "self") > role(about_her, "self")
    # Japanese: 彼 ("he") says another person's part.
    assert role("彼がデータベースを設計しました。", "others", "ja") > role(
        "私がデータベースを設計しました。", "others", "ja"
    )


def test_role_phrases_change_no_lexicon_hit_on_any_post() -> None:
    plain = {language: build_lexicon(language).scanner for language in supported_languages()}
    posts = [*load_devset(), *in_split(load_corpus(), "train", "validation")]
    assert len(posts) > 3000
    for post in posts:
        language = post.language if post.language in plain else "en"
        capitals: list[int] = []
        capitals_with_roles: list[int] = []
        found: list[int] = []
        alone = plain[language].scan(post.text, capitals)
        together = get_lexicon(language).scanner.scan(post.text, capitals_with_roles, found)
        assert alone == together, post.id
        assert capitals == capitals_with_roles, post.id


def test_a_malformed_role_file_is_refused_with_what_is_wrong() -> None:
    shipped = json.loads(read_text("framing", "roles.json"))
    assert parse_roles(shipped).keys() == role_models().keys() == set(supported_languages())
    with pytest.raises(ValueError, match="roles"):
        parse_roles({**shipped, "roles": ["SELF", "WE"]})
    with pytest.raises(ValueError, match="one number per role"):
        parse_roles({**shipped, "languages": {"en": {"phrases": {"we": [1.0, 2.0]}}}})
    with pytest.raises(ValueError, match="map phrases to weights"):
        parse_roles({**shipped, "languages": {"en": ["we"]}})
    for weights in ([None, 0, 0, 0, 0], [float("nan"), 0, 0, 0, 0], ["1", 0, 0, 0, 0]):
        with pytest.raises(ValueError, match="finite numbers"):
            parse_roles({**shipped, "languages": {"en": {"phrases": {"we": weights}}}})
    with pytest.raises(ValueError, match="lower case"):
        parse_roles({**shipped, "languages": {"en": {"phrases": {"We": [0, 0, 0, 0, 0]}}}})


def role_sums_from_flat_weights(phrases_found: list[int], rows: list[list[float]]) -> list[float]:
    """`role_sums` as it read a flat list of weights, before they became attributes."""
    flat = [weight for row in rows for weight in row]
    sums = [0.0] * 5
    for phrase in phrases_found:
        for role_index in range(5):
            sums[role_index] += flat[phrase * 5 + role_index]
    return sums


def test_role_sums_add_as_the_flat_weights_did() -> None:
    rng = random.Random(4)
    document = json.loads(read_text("framing", "roles.json"))
    for language, model in role_models().items():
        table = document["languages"][language]["phrases"]
        rows = [[float(value) for value in row] for row in table.values()]
        for _ in range(200):
            found = [rng.randrange(len(rows)) for _ in range(rng.randint(0, 60))]
            expected = role_sums_from_flat_weights(found, rows)
            assert [repr(v) for v in role_sums(found, model)] == [repr(v) for v in expected]
