"""The analyser's scan (trie scanner, hits gathered in lists) against the plain regex way."""

from __future__ import annotations

import functools
import random
import re
from bisect import bisect_right

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from teamcredit.analysis.charclass import DELIMITER_CLASS
from teamcredit.analysis.framing import _after, analyze_framing
from teamcredit.analysis.language import choose_language
from teamcredit.analysis.lexicon import (
    get_lexicon,
    lower_keeping_offsets,
    normalize_phrase,
    parse_lexicon,
)
from teamcredit.analysis.models import FramingSignal, SignalKind, TextSpan
from teamcredit.analysis.quotes import inside, quoted_ranges
from teamcredit.analysis.scoring import QUOTE_FACTOR
from teamcredit.analysis.trie_regex import trie_pattern

Hit = tuple[int, int, str, SignalKind, float]

PIECES = [
    "I",
    "i",
    "We",
    "WE",
    "we",
    "my team",
    "My  Team",
    "the\nteam",
    "I'm",
    "I’m",
    "I’VE",
    "US",
    "us",
    "U.S",
    "on-call",
    "on‑call",
    "thank god",
    "thanks to",
    "Thanks To",
    "merci à",
    "l’équipe",
    "L'ÉQUIPE",
    "nous",
    "wir",
    "nosotros",
    "私たち",
    "チーム",
    "İ",
    "Σ",
    "were",
    "équipes",
    "“we did it”",
    '"I did"',
    "«nous»",
    "@Bob",
    "Léa",
    "🚀",
    " ",
    "  ",
    "\n",
    ",",
    ".",
    "-",
    "'",
    "’",
]
texts = st.lists(
    st.tuples(
        st.one_of(st.sampled_from(PIECES), st.text(max_size=4)),
        st.sampled_from(["", " ", " ", "\n", ", "]),
    ),
    min_size=1,
    max_size=30,
).map(lambda parts: "".join(piece + separator for piece, separator in parts))
languages = st.sampled_from(["en", "fr", "de", "es", "ja"])


def _atom(char: str) -> str:
    if char == " ":
        return r"\s++"
    if char == "'":
        return "['’ʼ‘]"
    if char == "-":
        return "[-‐‑]"
    return re.escape(char)


@functools.cache
def reference_pattern(language: str) -> re.Pattern[str]:
    """The documented matching rules as a regex: what the analyser used before its scanner."""
    lexicon = get_lexicon(language)
    body = trie_pattern(lexicon.entries, atom=_atom, word_end=lexicon.word_boundaries)
    return re.compile(f"{DELIMITER_CLASS}({body})" if lexicon.word_boundaries else f"({body})")


def plain_hits(text: str, language: str) -> list[Hit]:
    """What the lexicon finds in `text`: the padded regex scan with a lookup per hit."""
    lexicon = get_lexicon(language)
    padded = lower_keeping_offsets(" " + text)
    quotes = quoted_ranges(text)
    hits: list[Hit] = []
    for match in reference_pattern(language).finditer(padded):
        start, end = match.start(1) - 1, match.end(1) - 1
        entry = lexicon.entries.get(normalize_phrase(padded[start + 1 : end + 1]))
        phrase = text[start:end]
        if entry is None or entry.kind is None or phrase in lexicon.not_when_written:
            continue
        weight = entry.weight * QUOTE_FACTOR if inside(quotes, start, end) else entry.weight
        hits.append((start, end, phrase, entry.kind, weight))
    return hits


def lexicon_hits(text: str, language: str) -> list[Hit]:
    return [
        (s.span.start, s.span.end, s.span.text, s.kind, s.weight)
        for s in analyze_framing(text, language).signals
        if s.kind is not SignalKind.MENTION
    ]


@settings(max_examples=400, deadline=None)
@given(text=texts, language=languages)
@example(text="We and US too, on-call with my  TEAM", language="en")
@example(text="“Nous” l’équipe, L'ÉQUIPE", language="fr")
def test_hits_are_those_of_the_plain_scan(text: str, language: str) -> None:
    expected = plain_hits(text, language)
    assert lexicon_hits(text, language) == expected
    assert lexicon_hits(text, language) == expected


@settings(max_examples=200, deadline=None)
@given(text=texts, language=languages)
def test_counts_follow_the_hits(text: str, language: str) -> None:
    analysis = analyze_framing(text, language)
    kinds = [signal.kind for signal in analysis.signals]
    assert analysis.self_references == sum(
        kinds.count(kind)
        for kind in (
            SignalKind.SELF_REFERENCE,
            SignalKind.ACHIEVEMENT_CLAIM,
            SignalKind.PERFORMATIVE_VULNERABILITY,
        )
    )
    assert analysis.collective_references == sum(
        kinds.count(kind) for kind in (SignalKind.COLLECTIVE_REFERENCE, SignalKind.TEAM_REFERENCE)
    )
    starts = [signal.span.start for signal in analysis.signals]
    assert starts == sorted(starts)


def test_a_phrase_ends_only_where_a_word_does() -> None:
    pattern = re.compile(trie_pattern(["we", "équipe", "c++"]))
    found = [m.group() for m in pattern.finditer("were we, équipes équipe weé c++x")]
    assert found == ["we", "équipe", "c++"]


@pytest.mark.parametrize("text", ["I led it.", "I’m here", "Thanks to the team"])
def test_phrase_at_the_very_start_is_found(text: str) -> None:
    (first, *_) = analyze_framing(text, "en").signals
    assert first.span.start == 0


def test_spellings_that_count_nothing_count_nothing() -> None:
    # "US" is written in not_when_written; "the US" is an [[ignore]] phrase.
    assert analyze_framing("US and the US dollar", "en").signals == ()
    (signal,) = analyze_framing("Proud of us", "en").signals
    assert (signal.span.text, signal.kind) == ("us", SignalKind.COLLECTIVE_REFERENCE)


def test_a_capital_sigma_reads_as_either_small_sigma() -> None:
    # Σ lower-cases to σ inside a word and to ς at its end; the scan folds case through a
    # table, which treats σ and ς as one letter, so both spellings of the phrase are found.
    lexicon = parse_lexicon(
        {"language": "el", "group": [{"kind": "GRATITUDE", "weight": 1, "phrases": ["σας"]}]}
    )
    text = "ΣΑΣ ευχαριστώ, σας"
    assert lower_keeping_offsets(text).startswith("σας")
    assert lexicon.scanner.scan(text) == [0, 3, 0, 15, 18, 0]


def test_a_name_after_thanks_follows_the_hit_with_the_same_start() -> None:
    signals = analyze_framing("Thanks to Team Atlas for this.", "en").signals
    at_ten = [(s.kind, s.span.text) for s in signals if s.span.start == 10]
    assert at_ten == [(SignalKind.TEAM_REFERENCE, "Team"), (SignalKind.MENTION, "Team Atlas")]


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        # A comma may follow the thanks; a capitalised common word alone is still no name
        # (train split, batch 2: "Danke, Ihr drei Kämpferinnen.").
        ("Danke, Holger, für die Hilfe!", "de", ["Holger"]),
        ("Danke, Ihr drei Kämpferinnen.", "de", []),
        ("Thanks, You made it happen.", "en", []),
        ("Thanks, Please share it.", "en", []),
        ("Un grand merci à M. Rottier pour cette année.", "fr", ["M. Rottier"]),
    ],
)
def test_names_after_a_thanks_and_a_comma(text: str, language: str, names: list[str]) -> None:
    signals = analyze_framing(text, language).signals
    assert [s.span.text for s in signals if s.kind is SignalKind.MENTION] == names


def test_only_hits_inside_quotes_are_discounted() -> None:
    text = 'We shipped it. My manager said "I did it" and we laughed.'
    weights = {s.span.text: s.weight for s in analyze_framing(text, "en").signals}
    plain = get_lexicon("en").entries["i did it"]
    assert weights["I did it"] == plain.weight * QUOTE_FACTOR
    assert weights["We shipped"] == get_lexicon("en").entries["we shipped"].weight


def test_a_post_that_is_mostly_quotation_is_the_authors_own_words() -> None:
    """A newspaper quoting the author's statement (fr-2005983b and others, shortened): the
    whole post is inside « », and discounting it left nothing to judge."""
    text = "« Je remercie toute l'équipe : nous avons réussi ensemble ce pari fou. » a-t-elle dit."
    assert quoted_ranges(text) == []
    weights = {s.span.text: s.weight for s in analyze_framing(text, "fr").signals}
    assert weights["nous avons réussi"] == get_lexicon("fr").entries["nous avons réussi"].weight
    assert quoted_ranges('We shipped. He said "I did it" twice.') == [(20, 30)]


@pytest.mark.parametrize(
    ("tag", "lexicon", "reported"),
    [("fr-FR", "fr", "fr"), ("pt_BR", "en", "pt"), ("EN", "en", "en")],
)
def test_a_given_tag_chooses_the_same_way_every_time(tag: str, lexicon: str, reported: str) -> None:
    for _ in range(2):
        choice = choose_language("Nous avons livré.", tag)
        assert (choice.lexicon_language, choice.reported, choice.certainty) == (
            lexicon,
            reported,
            1.0 if lexicon == reported else 0.5,
        )


def test_a_blank_tag_means_detect() -> None:
    assert choose_language("Nous avons livré le projet ensemble.", " ").lexicon_language == "fr"


def test_the_signal_search_is_bisect_on_starts_and_ends() -> None:
    # framing._after replaced bisect_right(..., key=...): the same index on any list,
    # repeated offsets (a mention after hits with its start) and misses included.
    rng = random.Random(3)
    for _ in range(2_000):
        starts = sorted(rng.randint(0, 30) for _ in range(rng.randint(0, 12)))
        signals = [
            FramingSignal(SignalKind.MENTION, TextSpan(start, start + rng.randint(0, 4), ""), 1.0)
            for start in starts
        ]
        offset = rng.randint(-1, 36)
        assert _after(signals, offset, False) == bisect_right(
            signals, offset, key=lambda s: s.span.start
        )
        assert _after(signals, offset, True) == bisect_right(
            signals, offset, key=lambda s: s.span.end
        )


def normalize_phrase_in_full(phrase: str) -> str:
    """`normalize_phrase` without its shortcut for a word with nothing to fold."""
    import re

    from teamcredit.analysis.lexicon import lower
    from teamcredit.analysis.scanner import EQUIVALENT

    folded = re.sub(r"\s+", " ", phrase.translate(str.maketrans(EQUIVALENT))).strip()
    return lower(folded)


def test_normalize_phrase_agrees_with_the_full_fold() -> None:
    import random

    from teamcredit.analysis.scanner import EQUIVALENT

    rng = random.Random(12)
    # Every kind of space `\s` and `strip` know, the folded characters, capitals, names.
    odd = [chr(code) for code in range(0x3001) if chr(code).isspace()] + list(EQUIVALENT)
    words = ["Léa", "ΣΑΣ", "İpek", "Straße", "O'Neil", "Anne-Marie", "田中", "🚀", "Team", "x"]
    cases = odd + words
    for _ in range(3_000):
        pieces = rng.choices(words + odd + ["a", "Ǆ", "\u3000"], k=rng.randint(0, 6))
        cases.append("".join(pieces))
    for case in cases:
        assert normalize_phrase(case) == normalize_phrase_in_full(case), repr(case)
