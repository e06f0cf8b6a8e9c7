"""The phrase scanner's matching rules, one by one (the whole lexicons are held to the
regex reference in test_framing_scan.py)."""

from __future__ import annotations

import pytest

from teamcredit.analysis.scanner import PhraseScanner, whitespace


def hits(phrases: list[str], text: str, word_boundaries: bool = True) -> list[str]:
    found = PhraseScanner(phrases, word_boundaries=word_boundaries).scan(text)
    return [
        f"{text[found[i] : found[i + 1]]}={phrases[found[i + 2]]}" for i in range(0, len(found), 3)
    ]


def test_the_longest_phrase_at_a_start_wins_and_the_scan_resumes_after_it() -> None:
    phrases = ["thanks", "thanks to", "to the team", "the team"]
    assert hits(phrases, "thanks to the team") == ["thanks to=thanks to", "the team=the team"]


def test_a_longer_phrase_that_would_end_inside_a_word_gives_way_to_a_shorter_one() -> None:
    assert hits(["thanks", "thanks to"], "thanks tom") == ["thanks=thanks"]


def test_phrases_start_and_end_on_word_boundaries() -> None:
    phrases = ["we", "our team"]
    assert hits(phrases, "were we, your team; our team") == ["we=we", "our team=our team"]


def test_a_space_matches_any_run_of_whitespace() -> None:
    assert hits(["my team"], "my \t\n\u00a0 team") == ["my \t\n\u00a0 team=my team"]
    assert hits(["my team"], "myteam") == []


@pytest.mark.timeout(60)
def test_long_whitespace_runs_are_crossed_in_linear_time() -> None:
    # Every whitespace character is a delimiter, so a phrase may start after each one. A
    # scan that crossed the rest of the run from each of them would take hours here; the
    # timeout is that guard, not a speed test (bench/framing_speed.py measures speed).
    run = 200_000
    text = "my" + " " * run + "team, we" + "\n" * run + "x"
    found = PhraseScanner(["my team", "we"]).scan(text)
    assert found == [0, run + 6, 0, run + 8, run + 10, 1]


def test_apostrophes_and_hyphens_match_their_typographic_variants() -> None:
    assert hits(["i'm", "on-call"], "i’m on‑call, iʼm on-call") == [
        "i’m=i'm",
        "on‑call=on-call",
        "iʼm=i'm",
        "on-call=on-call",
    ]


def test_a_phrase_ending_in_punctuation_needs_no_boundary_after_it() -> None:
    assert hits(["d'", "c++"], "d'un c++x") == ["d'=d'", "c++=c++"]


def test_emoji_and_punctuation_delimit_words_but_letters_do_not() -> None:
    assert hits(["team"], "🚀team (team) éteam _team") == ["team=team", "team=team"]


def test_without_word_boundaries_phrases_match_anywhere() -> None:
    assert hits(["チーム", "私たち"], "私たちのチームワーク", word_boundaries=False) == [
        "私たち=私たち",
        "チーム=チーム",
    ]


def test_characters_outside_the_basic_plane_can_be_phrases() -> None:
    assert hits(["🙏 merci"], "un grand 🙏 merci") == ["🙏 merci=🙏 merci"]


def test_phrases_that_read_the_same_are_refused() -> None:
    with pytest.raises(ValueError, match="read the same"):
        PhraseScanner(["it's", "it’s"])


def test_empty_text_and_empty_phrases_find_nothing() -> None:
    assert hits(["we"], "") == []
    assert hits([""], "anything") == []


def test_phrases_with_one_label_share_their_endings_and_find_the_same_hits() -> None:
    phrases = [
        f"{subject} {degree}{adjective} de {owner} équipe"
        for subject in ("je suis", "j'ai toujours été", "nous sommes")
        for degree in ("", "très ", "si ")
        for adjective in ("fier", "fière", "fiers")
        for owner in ("mon", "notre")
    ]
    text = "Aujourd'hui je suis très fière de notre équipe, et nous sommes fiers de mon équipe."
    separate = PhraseScanner(phrases)
    grouped = PhraseScanner(phrases, labels=[7] * len(phrases))
    assert len(grouped._label_at) < len(separate._label_at) / 3
    found, labelled = separate.scan(text), grouped.scan(text)
    assert [text[found[i] : found[i + 1]] for i in range(0, len(found), 3)] == [
        "je suis très fière de notre équipe",
        "nous sommes fiers de mon équipe",
    ]
    assert labelled[0::3] == found[0::3] and labelled[1::3] == found[1::3]
    assert labelled[2::3] == [7, 7]


def test_the_whitespace_table_is_what_python_calls_whitespace() -> None:
    table = whitespace()
    assert [code for code in range(0x110000) if code < len(table) and table[code]] == [
        code for code in range(0x110000) if chr(code).isspace()
    ]


def test_after_a_walk_that_matches_nothing_the_next_start_is_after_its_first_delimiter() -> None:
    # The walk from "my" reads "my teamm" and fails ("my team" runs into a word): the scan
    # resumes after the space it crossed, not inside "teammate".
    phrases = ["my team", "mate", "we", "teammate"]
    assert hits(phrases, "my teammate, we, my team") == [
        "teammate=teammate",
        "we=we",
        "my team=my team",
    ]


def test_a_space_or_apostrophe_that_is_no_delimiter_still_matches_inside_a_phrase() -> None:
    # U+1680 is whitespace and ʼ (U+02BC) an apostrophe, but both are letters to `re`'s
    # \b: a phrase may cross them, not start after them.
    assert hits(["my team", "team"], "my\u1680team x\u1680team") == ["my\u1680team=my team"]
    assert hits(["i'm", "m"], "iʼm xʼm x'm") == ["iʼm=i'm", "m=m"]


def test_astral_word_characters_end_no_phrase() -> None:
    assert hits(["we"], "𝐖e we𝐖 we\U00020000 we") == ["we=we"]


def test_too_many_characters_for_a_scanner_with_word_boundaries_are_refused() -> None:
    # The top bit of a symbol marks delimiters (scanner._DELIMITER_BIT).
    many = [chr(0x4E00 + index) for index in range(130)]
    with pytest.raises(ValueError, match="distinct characters"):
        PhraseScanner(many)
    assert PhraseScanner(many, word_boundaries=False).scan(many[5]) == [0, 1, 5]


def test_a_walk_that_stops_on_a_delimiter_resumes_right_after_it() -> None:
    # The walk from "a" stops at the character after it, which it has read: a delimiter
    # ("-", "🚀" past the BMP) lets the next phrase start after it; a letter does not.
    assert hits(["ab"], "a-ab a🚀ab") == ["ab=ab", "ab=ab"]
    assert hits(["ab"], "axab aéab") == []
    assert hits(["ab", "b c"], "a b c") == ["b c=b c"]


def side_hits(
    phrases: list[str], side: list[str], text: str, word_boundaries: bool = True
) -> tuple[list[str], list[str]]:
    found: list[int] = []
    scanner = PhraseScanner(phrases, word_boundaries=word_boundaries, side=side)
    main = scanner.scan(text, None, found)
    return [text[main[i] : main[i + 1]] for i in range(0, len(main), 3)], [
        side[index] for index in found
    ]


def test_side_phrases_are_found_without_hiding_or_shortening_a_phrase() -> None:
    # "i led" is longer than "i" and starts with it: the phrase "i" still wins its start.
    assert side_hits(["i", "the team"], ["i led", "led", "team"], "I led the team") == (
        ["I", "the team"],
        ["i led", "led"],  # "team" starts inside the hit "the team": not looked for there
    )


def test_every_side_phrase_at_a_start_is_found_shortest_first() -> None:
    assert side_hits([], ["we", "we shipped", "shipped"], "We shipped it") == (
        [],
        ["we", "we shipped", "shipped"],
    )


def test_a_side_phrase_may_also_be_a_phrase() -> None:
    assert side_hits(["we"], ["we"], "we did") == (["we"], ["we"])


def test_side_phrases_keep_the_word_boundary_rules() -> None:
    assert side_hits([], ["he"], "the hero, he said") == ([], ["he"])


def test_side_phrases_without_word_boundaries_match_anywhere_outside_hits() -> None:
    assert side_hits(["ありがとう"], ["彼", "とう"], "彼にありがとう", word_boundaries=False) == (
        ["ありがとう"],
        ["彼"],
    )


def test_side_phrases_that_read_the_same_are_refused() -> None:
    with pytest.raises(ValueError, match="read the same"):
        PhraseScanner([], side=["we're", "we’re"])


def test_nodes_merge_only_when_their_side_phrases_agree_too() -> None:
    # "ab" and "cb" share one label, so their "b" ends may merge; the side phrase "cb"
    # keeps its node apart, and "ab" does not report it.
    scanner = PhraseScanner(["ab", "cb"], labels=[0, 0], side=["cb"])
    for text, side in (("ab", []), ("cb", [0])):
        found: list[int] = []
        assert scanner.scan(text, None, found) == [0, 2, 0]
        assert found == side
