"""Every signal's span is exactly the text it claims, whatever the input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from teamcredit.analysis.framing import analyze_framing
from teamcredit.analysis.matcher import ProjectMatcher, ProjectTerms

PIECES = [
    "I led",
    "we shipped",
    "thanks to",
    "@Bob Martin",
    "Léa",
    "l'équipe",
    "j’ai piloté",
    "merci à Léa",
    "私たち",
    "チーム",
    "🚀",
    "🎉",
    "👩🏽‍💻",
    "e\u0301quipe",
    "İ",
    "ß",
    "\n",
    " ",
    "#teamwork",
    "“not just me”",
    "Thrilled to announce",
    "nous avons livré",
    "ensemble",
    "logramos",
    "Danke an",
    "Atlas",
    "Équipe Données",
]
texts = st.lists(
    st.one_of(
        st.sampled_from(PIECES),
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=8),
    ),
    max_size=25,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=texts, language=st.sampled_from([None, "en", "fr", "es", "de", "ja", "xx"]))
def test_signal_spans_slice_the_input(text: str, language: str | None) -> None:
    analysis = analyze_framing(text, language, ["Bob Martin", "Léa"])
    for signal in analysis.signals:
        assert signal.span.text == text[signal.span.start : signal.span.end]
        assert 0 <= signal.span.start < signal.span.end <= len(text)
    assert -1.0 <= analysis.score <= 1.0
    assert 0.0 <= analysis.confidence <= 1.0


MATCHER = ProjectMatcher(
    [ProjectTerms("p1", "Atlas", ["Équipe Données"], ["data platform"]), ProjectTerms("p2", "ß")]
)


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_project_match_spans_slice_the_input(text: str) -> None:
    for found in MATCHER.match(text):
        assert found.span.text == text[found.span.start : found.span.end]
