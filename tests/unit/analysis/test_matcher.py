from __future__ import annotations

from teamcredit.analysis.matcher import ProjectMatcher, ProjectTerms

MATCHER = ProjectMatcher(
    [
        ProjectTerms("atlas", "Atlas", aliases=["Atlas v2"], keywords=["sync engine"]),
        ProjectTerms("data", "Équipe Données", aliases=["Data-Platform"]),
        ProjectTerms("mobile", "Atlas Mobile App"),
        ProjectTerms("shared", "Horizon"),
        ProjectTerms("shared2", "horizon"),
    ]
)


def found(text: str) -> list[tuple[str, str, str]]:
    return [(m.project_id, m.term, m.span.text) for m in MATCHER.match(text)]


def test_whole_words_only() -> None:
    assert found("We moved everything to Atlassian.") == []
    assert found("Atlas, at last!") == [("atlas", "Atlas", "Atlas")]


def test_case_and_accent_insensitive() -> None:
    assert found("merci à l'equipe donnees") == [("data", "Équipe Données", "equipe donnees")]
    assert found("L'ÉQUIPE DONNÉES a livré") == [("data", "Équipe Données", "ÉQUIPE DONNÉES")]


def test_combining_accents_map_back_to_original_offsets() -> None:
    text = "🎉 E\u0301quipe Donne\u0301es rocks"
    (match,) = MATCHER.match(text)
    assert match.span.text == "E\u0301quipe Donne\u0301es"
    assert text[match.span.start : match.span.end] == match.span.text


def test_aliases_keywords_and_separators() -> None:
    assert found("The data platform and the sync engine") == [
        ("data", "Data-Platform", "data platform"),
        ("atlas", "sync engine", "sync engine"),
    ]


def test_longest_match_first() -> None:
    assert found("Launching the Atlas Mobile App today") == [
        ("mobile", "Atlas Mobile App", "Atlas Mobile App")
    ]
    assert found("atlas v2 is out") == [("atlas", "Atlas v2", "atlas v2")]


def test_order_is_by_position_and_shared_terms_list_every_project() -> None:
    assert found("Horizon then Atlas") == [
        ("shared", "Horizon", "Horizon"),
        ("shared2", "horizon", "Horizon"),
        ("atlas", "Atlas", "Atlas"),
    ]


def test_empty_matcher_and_text() -> None:
    assert ProjectMatcher([]).match("Atlas") == ()
    assert MATCHER.match("") == ()
    assert len(MATCHER) == 7


def test_thousands_of_projects_compile_into_one_matcher() -> None:
    projects = [ProjectTerms(f"p{i}", f"Project {i:04d}", [f"P{i:04d}"]) for i in range(3000)]
    matcher = ProjectMatcher(projects)
    assert [m.project_id for m in matcher.match("Shipped project 2999 and P0007.")] == [
        "p2999",
        "p7",
    ]
