"""Tricky framing cases from the issue, pinned."""

from __future__ import annotations

import pytest

from teamcredit.analysis.framing import analyze_framing, warm_up
from teamcredit.analysis.lexicon import get_lexicon, supported_languages
from teamcredit.analysis.models import Orientation, SignalKind
from tests.support.signals import kinds_of


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        ("Thrilled to announce my new role!", "Thrilled to announce", SignalKind.SELF_PROMOTION),
        ("Excited to announce the launch.", "Excited to announce", SignalKind.SELF_PROMOTION),
        ("Humbled to announce this award.", "Humbled to announce", SignalKind.SELF_PROMOTION),
        ("Ravi de vous annoncer mon départ.", "Ravi de vous annoncer", SignalKind.SELF_PROMOTION),
        ("Last year I led the migration.", "I led", SignalKind.ACHIEVEMENT_CLAIM),
        ("I built the whole pipeline.", "I built", SignalKind.ACHIEVEMENT_CLAIM),
        ("I delivered it in May.", "I delivered", SignalKind.ACHIEVEMENT_CLAIM),
        ("J'ai piloté la refonte du site.", "J'ai piloté", SignalKind.ACHIEVEMENT_CLAIM),
        ("J’ai piloté la refonte du site.", "J’ai piloté", SignalKind.ACHIEVEMENT_CLAIM),
        ("I failed. It hurt.", "I failed", SignalKind.PERFORMATIVE_VULNERABILITY),
        ("Here's what I learned:", "Here's what I learned", SignalKind.PERFORMATIVE_VULNERABILITY),
        ("J'ai échoué. C'était dur.", "J'ai échoué", SignalKind.PERFORMATIVE_VULNERABILITY),
        (
            "Voici ce que j'ai appris :",
            "Voici ce que j'ai appris",
            SignalKind.PERFORMATIVE_VULNERABILITY,
        ),
        ("Big win, thanks to @Bob for it", "thanks to", SignalKind.GRATITUDE),
        ("Un grand projet, merci à Léa !", "merci à", SignalKind.GRATITUDE),
        ("Kudos to the team for this.", "the team", SignalKind.TEAM_REFERENCE),
        ("Bravo à l'équipe pour ce travail.", "l'équipe", SignalKind.TEAM_REFERENCE),
        ("Nous l'avons construit ensemble.", "ensemble", SignalKind.TEAM_REFERENCE),
        ("We shipped it on time.", "We shipped", SignalKind.COLLECTIVE_REFERENCE),
    ],
)
def test_phrase_is_found_with_its_kind(text: str, phrase: str, kind: SignalKind) -> None:
    assert kind in kinds_of(analyze_framing(text), phrase)


def test_thanks_names_the_people() -> None:
    analysis = analyze_framing("Thanks to @Bob and Carla for the launch.")
    mentions = [s.span.text for s in analysis.signals if s.kind is SignalKind.MENTION]
    assert mentions == ["@Bob", "Carla"]


def test_merci_a_names_a_list() -> None:
    analysis = analyze_framing("Merci à Léa, Inès et Paul pour ce salon.", "fr")
    mentions = [s.span.text for s in analysis.signals if s.kind is SignalKind.MENTION]
    assert mentions == ["Léa", "Inès", "Paul"]


def test_thanks_to_the_team_names_nobody() -> None:
    analysis = analyze_framing("Thanks to the team for this.")
    assert not [s for s in analysis.signals if s.kind is SignalKind.MENTION]


def test_a_capitalised_word_the_lexicon_read_is_not_a_thanked_name() -> None:
    """German capitalises every noun: after "Dank an", "Team" and "Kollegen" are team
    words, not people; a name in the same list still is one."""
    analysis = analyze_framing("Vielen Dank an Team, Kollegen und Holger Brandt für alles.", "de")
    mentions = [s.span.text for s in analysis.signals if s.kind is SignalKind.MENTION]
    assert mentions == ["Holger Brandt"]
    assert kinds_of(analysis, "Team") == {SignalKind.TEAM_REFERENCE}


def test_caller_mentions_are_found_in_the_text() -> None:
    analysis = analyze_framing(
        "Proud of this launch with Priya Raman and tom becker.", "en", ["Priya Raman", "Tom Becker"]
    )
    mentions = [s.span.text for s in analysis.signals if s.kind is SignalKind.MENTION]
    assert mentions == ["Priya Raman", "tom becker"]


def test_caller_mention_shortened_to_first_name() -> None:
    analysis = analyze_framing("Great work by Priya on this.", "en", ["Priya Raman"])
    assert kinds_of(analysis, "Priya") == {SignalKind.MENTION}


def test_not_just_me_is_not_a_self_reference() -> None:
    analysis = analyze_framing("This was not just me: the team did it.")
    (negation,) = [s for s in analysis.signals if "not just me" in s.span.text]
    assert negation.kind is SignalKind.COLLECTIVE_REFERENCE
    assert analysis.self_references == 0
    assert analysis.orientation is Orientation.COLLECTIVE


def test_i_want_to_thank_the_team_is_gratitude_not_self_promotion() -> None:
    analysis = analyze_framing("I want to thank the team for an amazing quarter.")
    kinds = {s.kind for s in analysis.signals}
    assert SignalKind.GRATITUDE in kinds
    assert SignalKind.SELF_PROMOTION not in kinds
    assert SignalKind.SELF_REFERENCE not in kinds
    assert analysis.orientation is Orientation.COLLECTIVE


def test_quoted_speech_does_not_flip_the_verdict() -> None:
    text = (
        "My manager once told me: “We never take credit for anything here, we share it.” "
        "I disagreed, and I built my career on making my results visible. I was promoted."
    )
    analysis = analyze_framing(text)
    assert analysis.orientation is Orientation.INDIVIDUAL
    quoted = [s for s in analysis.signals if s.span.text == "We"]
    assert quoted and all(s.weight < 1.0 for s in quoted)


def test_individual_and_collective_examples_from_the_issue() -> None:
    individual = analyze_framing("Thrilled to announce that I led the launch of Atlas! #proud")
    assert individual.orientation is Orientation.INDIVIDUAL
    assert {SignalKind.SELF_PROMOTION, SignalKind.ACHIEVEMENT_CLAIM} <= {
        s.kind for s in individual.signals
    }
    collective = analyze_framing("Fière de notre équipe : nous avons livré Atlas ensemble")
    assert collective.orientation is Orientation.COLLECTIVE
    assert collective.language == "fr"


def test_japanese_singular_vs_plural() -> None:
    singular = analyze_framing("私が立ち上げた事業が黒字化しました。僕の挑戦は続きます。")
    assert singular.language == "ja"
    assert singular.orientation is Orientation.INDIVIDUAL
    plural = analyze_framing("私たちのチームがリリースしました。我々の力です。")
    assert plural.orientation is Orientation.COLLECTIVE
    assert kinds_of(plural, "私たち") == {SignalKind.COLLECTIVE_REFERENCE}
    assert kinds_of(plural, "我々") == {SignalKind.COLLECTIVE_REFERENCE}
    assert kinds_of(plural, "チーム") == {SignalKind.TEAM_REFERENCE}


def test_spanish_verb_endings_stand_in_for_dropped_pronouns() -> None:
    singular = analyze_framing("Logré el ascenso y lideré la migración a la nube.", "es")
    assert kinds_of(singular, "Logré") == {SignalKind.ACHIEVEMENT_CLAIM}
    assert singular.orientation is Orientation.INDIVIDUAL
    plural = analyze_framing("Logramos el objetivo y lanzamos la app juntos.", "es")
    assert kinds_of(plural, "Logramos") == {SignalKind.COLLECTIVE_REFERENCE}
    assert plural.orientation is Orientation.COLLECTIVE


def test_us_in_capitals_is_the_country() -> None:
    analysis = analyze_framing("Our expansion into the US market starts with us.")
    assert [s.span.text for s in analysis.signals if s.span.text.lower() == "us"] == ["us"]


def test_words_inside_longer_words_do_not_match() -> None:
    analysis = analyze_framing("Answers were mined; the wemix and myriad items.", "en")
    assert analysis.signals == ()


def test_empty_text_is_balanced_with_no_confidence() -> None:
    for text in ("", "   \n "):
        analysis = analyze_framing(text)
        assert analysis.orientation is Orientation.BALANCED
        assert (analysis.score, analysis.confidence, analysis.signals) == (0.0, 0.0, ())


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Notes from the conference on distributed systems. Slides are in the comments.", "en"),
        (
            "Resumen de la conferencia sobre sistemas distribuidos: las diapositivas están aquí.",
            "es",
        ),
    ],
)
def test_a_post_with_nothing_framed_leans_neither_way(text: str, language: str) -> None:
    """Without a signal the model only sees the length, which once made a conference note
    INDIVIDUAL in Spanish and COLLECTIVE in English."""
    analysis = analyze_framing(text, language)
    assert analysis.signals == ()
    assert (analysis.orientation, analysis.score, analysis.mixed_signals) == (
        Orientation.BALANCED,
        0.0,
        True,
    )
    assert 0 < analysis.confidence < 0.5


def test_unsupported_language_falls_back_without_crashing() -> None:
    analysis = analyze_framing("Grazie a tutto il team per il lavoro.", "it")
    assert analysis.language == "it"
    assert 0.0 <= analysis.confidence <= 0.5
    unknown = analyze_framing("Дякую команді за роботу.")
    assert unknown.language == "en"


def test_language_tag_with_region_is_accepted() -> None:
    assert analyze_framing("Merci à toute l'équipe !", "fr-FR").language == "fr"


def test_spans_are_code_points_even_after_emoji() -> None:
    text = "🚀🎉 I led the launch"
    (signal,) = [s for s in analyze_framing(text).signals if s.span.text == "I led"]
    assert (signal.span.start, signal.span.end) == (3, 8)
    # The extension converts to UTF-16, where each of these emoji takes two units.
    assert len(text[: signal.span.start].encode("utf-16-le")) // 2 == 5


def test_score_and_confidence_stay_in_range() -> None:
    texts = [
        "I I I I I I my my me myself I led I built I shipped",
        "we we we our our us together the team thanks to @Bob and @Carla",
        "Hello world",
    ]
    for text in texts:
        analysis = analyze_framing(text)
        assert -1.0 <= analysis.score <= 1.0
        assert 0.0 <= analysis.confidence <= 1.0


def test_counts_follow_the_signals() -> None:
    analysis = analyze_framing("I think we did well and our team agrees; I led the demo.")
    assert analysis.self_references == 2  # "I", "I led"
    assert analysis.collective_references == 2  # "we", "our team"


def test_warm_up_builds_every_lexicon_before_the_first_post() -> None:
    get_lexicon.cache_clear()
    warm_up()
    assert get_lexicon.cache_info().currsize == len(supported_languages())
