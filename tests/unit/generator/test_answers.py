"""The oracle itself, on a document small enough to check by hand."""

from __future__ import annotations

from typing import Any

from teamcredit.generator.answers import compute_answers, cypher_round, pearson


def _doc() -> dict[str, Any]:
    big = [f"a{i}" for i in range(6)]  # team A: 6 people
    other = [f"b{i}" for i in range(5)]  # team B: 5 people
    small = ["c0", "c1"]  # team C: under the privacy floor
    people = [{"id": p, "name": p.upper(), "country": "US"} for p in big + other + small]
    people.append({"id": "loner", "name": "Loner", "country": "JP"})
    memberships = [{"personId": p, "teamId": "A"} for p in big]
    memberships += [{"personId": p, "teamId": "B"} for p in other]
    memberships += [{"personId": p, "teamId": "C"} for p in small]

    def post(i: int, author: str, mentions: list[str], about: list[str]) -> dict[str, Any]:
        return {
            "id": f"post-{i}",
            "authorId": author,
            "mentions": mentions,
            "credits": mentions[:1],
            "about": about,
        }

    posts = [
        post(1, "a0", ["a1", "b0"], ["x"]),  # A names B
        post(2, "a1", ["a0"], ["x"]),
        post(3, "b0", ["b1", "b2", "b3"], ["y"]),  # B only names B
        post(4, "c0", ["a0"], []),  # C (small) names A
        post(5, "loner", [], []),
    ]
    return {
        "teams": [{"id": t} for t in ("A", "B", "C")],
        "people": people,
        "memberships": memberships,
        "projects": [{"id": "x"}, {"id": "y"}, {"id": "z"}],
        "contributions": [
            {"personId": "a0", "projectId": "x"},
            {"personId": "a2", "projectId": "x"},
            {"personId": "b4", "projectId": "y"},
            {"personId": "a3", "projectId": "z"},
        ],
        "posts": posts,
    }


INTENDED = {
    "post-1": "COLLECTIVE",
    "post-2": "BALANCED",
    "post-3": "COLLECTIVE",
    "post-4": "INDIVIDUAL",
    "post-5": "INDIVIDUAL",
}


def test_hand_checked_answers() -> None:
    answers = compute_answers(_doc(), INTENDED, {"US": 91, "JP": 46})
    assert answers.people_without_team == ["loner"]
    assert answers.unposted_projects == ["z"]
    assert answers.insular_teams == ["B"]  # C names A, but C is under the floor
    assert answers.uncredited_contributors == [("x", "a2"), ("y", "b4")]
    assert answers.never_credited == ["a2", "a3", "b4"]
    assert answers.transversality == [{"fromTeam": "A", "toTeam": "B", "mentions": 1, "people": 1}]
    assert [r["teamId"] for r in answers.recognition_balance] == ["A", "B"]
    assert answers.recognition_balance[0]["collective"] == 1
    top = answers.credit_concentration[0]
    assert (top["teamId"], top["topPersonId"], top["share"]) == ("A", "a0", 0.6667)
    assert answers.most_credited[0] == {"personId": "a0", "posts": 2, "credits": 2}
    assert answers.most_colleagues_posts[0] == {"postId": "post-3", "colleagues": 3}
    by_country = {r["country"]: r["individualShare"] for r in answers.framing_by_country}
    assert by_country == {"JP": 1.0, "US": 0.25}
    assert answers.framing_correlation == -1.0


def test_posts_with_mixed_signals_count_in_no_orientation() -> None:
    answers = compute_answers(_doc(), INTENDED, {"US": 91, "JP": 46}, mixed={"post-1", "post-4"})
    team_a = answers.recognition_balance[0]
    assert (team_a["posts"], team_a["collective"], team_a["balanced"]) == (2, 0, 1)
    assert team_a["mixedSignals"] == 1
    us = next(r for r in answers.framing_by_country if r["country"] == "US")
    assert (us["posts"], us["individual"], us["mixedSignals"]) == (4, 0, 2)


def test_shares_round_like_cypher() -> None:
    assert cypher_round(15 / 96) == 0.1563  # Python's round() gives 0.1562 (half to even)
    assert cypher_round(2 / 3) == 0.6667


def test_pearson() -> None:
    assert pearson([1, 2, 3], [2, 4, 6]) == 1.0
    assert pearson([1, 2, 3], [3, 2, 1]) == -1.0
    assert pearson([1], [1]) == 0.0
