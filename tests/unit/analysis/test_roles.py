"""The role phrases: learned weights, found in the lexicon's pass, summed per role."""

from __future__ import annotations

import json

import pytest

from teamcredit.analysis.features import FEATURE_NAMES
from teamcredit.analysis.framing import scan_post
from teamcredit.analysis.lexicon import get_lexicon, parse_lexicon, supported_languages
from teamcredit.analysis.resources import read_text, read_toml
from teamcredit.analysis.roles import (
    ROLE_FEATURES,
    ROLES,
    RoleModel,
    parse_roles,
    role_features,
    role_models,
    role_phrases,
)
from teamcredit.training.corpus import load_devset


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


def test_every_language_has_its_role_phrases_in_its_scanner() -> None:
    for language in supported_languages():
        phrases = role_phrases(language)
        assert 30 <= len(phrases) <= 50, language
        found: list[int] = []
        get_lexicon(language).scanner.scan(" ".join(phrases) + " ", None, found)
        assert found, language


def test_the_phrases_weights_are_summed_per_role_per_hundred_words() -> None:
    model = RoleModel(("he", "we"), [[0.0, 0.0, 2.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0, -1.0]])
    # Two "he" and one "we" in a post of 30 words: 100 / (30 + 20) = 2 per unit of weight.
    assert role_features([0, 1, 0], 30.0, model) == [0.0, 2.0, 8.0, 0.0, -2.0]
    assert role_features([], 30.0, model) == [0.0] * 5
    assert role_features([0], 30.0, None) == [0.0] * 5


def test_a_sentence_about_someone_else_reads_as_others_and_one_about_me_as_self() -> None:
    about_her = "She designed the whole schema and he ran the cut-over for us."
    about_me = "I am so proud: I designed the whole schema and I ran the cut-over."
    assert role(about_her, "others") > role(about_me, "others")
    assert role(about_me, "self") > role(about_her, "self")
    # Japanese: 彼 ("he") says another person's part.
    assert role("彼がデータベースを設計しました。", "others", "ja") > role(
        "私がデータベースを設計しました。", "others", "ja"
    )


def test_role_phrases_change_no_lexicon_hit_on_the_written_posts() -> None:
    credit = read_toml("lexicons", "_credit_verbs.toml")
    plain = {
        language: parse_lexicon(read_toml("lexicons", f"{language}.toml"), credit.get(language))
        for language in supported_languages()
    }
    posts = load_devset()
    assert len(posts) > 90
    for post in posts:
        language = scan_post(post.text).language
        capitals, capitals_with_roles, found = [], [], []  # type: ignore[var-annotated]
        alone = plain[language].scanner.scan(post.text, capitals)
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
