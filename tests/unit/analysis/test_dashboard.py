"""The dashboard's aggregates and privacy floor on hand-built facts (no graph)."""

from __future__ import annotations

import dataclasses

import pytest

from teamcredit.analysis.dashboard import (
    MIN_GROUP_SIZE,
    DashboardFilter,
    DashboardIndex,
    Figures,
    TeamFigures,
    withheld_reason,
)
from teamcredit.errors import BadUserInput
from teamcredit.models import (
    Contribution,
    DashboardFacts,
    Membership,
    Organization,
    Person,
    PostFact,
    Project,
    Team,
)
from teamcredit.services.dashboard import check_filter

# Org "o": team "big" (6 people: b0..b5, b0-b2 in FR, the rest in US), team "small" (s0, s1).
PEOPLE = [Person(f"b{i}", f"Big {i}", country="FR" if i < 3 else "US") for i in range(6)]
PEOPLE += [Person(f"s{i}", f"Small {i}", country="FR") for i in range(2)]
POSTS = (
    PostFact("p1", "b0", "2026-01", "INDIVIDUAL", named=(), about=("x",)),
    PostFact("p2", "b1", "2026-01", "COLLECTIVE", named=("b2", "b3"), about=("x",)),
    PostFact("p3", "b3", "2026-02", "BALANCED", named=("b2",)),
    PostFact("p4", "s0", "2026-02", "INDIVIDUAL", named=("b0",)),
    PostFact("p5", "b4", "2026-03", None),
)
FACTS = DashboardFacts(
    organizations=(Organization("o", "Org"),),
    teams=(Team("big", "Big", organization_id="o"), Team("small", "Small", organization_id="o")),
    people=tuple(PEOPLE),
    memberships=(
        *(Membership(p.id, "big") for p in PEOPLE[:6]),
        Membership("s0", "small"),
        Membership("s1", "small"),
    ),
    projects=(Project("x", "X", team_id="big"),),
    contributions=tuple(Contribution(f"b{i}", "x", "dev") for i in range(6)),
    posts=POSTS,
)


@pytest.fixture(scope="module")
def ix() -> DashboardIndex:
    return DashboardIndex.build(FACTS)


def test_overview_counts_per_month(ix: DashboardIndex) -> None:
    o = ix.overview(DashboardFilter())
    assert o.withheld_reason is None and o.group_size == 8
    assert [m.month for m in o.months] == ["2026-01", "2026-02", "2026-03"]
    jan = o.months[0].figures
    assert (jan.posts, jan.individual, jan.collective, jan.posts_crediting) == (2, 1, 1, 1)
    assert jan.people_credited == 2 and jan.share_crediting == 0.5 and jan.authors == 2
    assert o.total is not None
    # p5 has no verdict and no flag: stored before the flag was kept, so not judged.
    assert (o.total.posts, o.total.balanced, o.total.mixed_signals, o.total.not_judged) == (
        5,
        1,
        0,
        1,
    )
    # Distinct people credited: b2 twice counts once.
    assert o.total.people_credited == 3 and o.total.posts_crediting == 3


def test_period_and_team_filters(ix: DashboardIndex) -> None:
    feb = ix.overview(DashboardFilter(from_month="2026-02", to_month="2026-02"))
    assert [m.month for m in feb.months] == ["2026-02"] and feb.total is not None
    assert feb.total.posts == 2
    big = ix.overview(DashboardFilter(team_id="big"))
    assert big.total is not None and big.total.posts == 4  # s0's post is not the team's


def test_privacy_floor_on_groups(ix: DashboardIndex) -> None:
    assert MIN_GROUP_SIZE == 5
    assert withheld_reason("team", 5) is None
    assert "4 people" in (withheld_reason("team", 4) or "")
    small = ix.overview(DashboardFilter(team_id="small"))
    assert small.withheld_reason is not None and small.months == () and small.total is None
    # A big team's French members are 3 people: withheld although the team is not.
    fr_big = ix.overview(DashboardFilter(team_id="big", country="FR"))
    assert fr_big.group_size == 3 and fr_big.withheld_reason is not None
    # The French across the organisation are 5: shown, and built from their posts only.
    fr = ix.overview(DashboardFilter(organization_id="o", country="fr"))
    assert fr.group_size == 5 and fr.total is not None and fr.total.posts == 3


def test_team_figures_and_unsung(ix: DashboardIndex) -> None:
    teams = {t.team.id: t for t in ix.teams_view(DashboardFilter())}
    assert teams["small"].withheld_reason is not None and teams["small"].figures is None
    assert teams["small"].unsung == ()
    big = teams["big"]
    assert big.figures is not None and big.figures.posts == 4
    assert big.credits_given == 3  # p2 names two, p3 one
    assert big.times_credited == 4 and big.members_credited == 3  # b2 twice, b3, b0
    # Posts about X: p1 (by b0) and p2 (by b1, naming b2, b3). b4 and b5 are left out.
    unsung = {(u.person.id, u.project.id): u for u in big.unsung}
    assert set(unsung) == {("b4", "x"), ("b5", "x")}
    assert [p.id for p in unsung[("b4", "x")].missed_posts] == ["p1", "p2"]
    assert unsung[("b4", "x")].missed_count == 2


def _framings(f: Figures | None) -> tuple[int, ...]:
    assert f is not None
    parts = (f.individual, f.balanced, f.collective, f.mixed_signals, f.not_judged)
    assert sum(parts) == f.posts  # every post in exactly one of them
    return parts


def test_mixed_signals_and_not_judged_are_counted_apart() -> None:
    """A post judged unsure (mixed_signals True) and posts stored before the flag was kept
    (None) count in no framing, each reason in its own figure, in every view that counts;
    judged again (as `teamcredit reframe` does), a post leaves not judged for its verdict."""
    unsure = PostFact("q1", "b0", "2026-05", None, mixed_signals=True)
    legacy = PostFact("q2", "b1", "2026-05", None, mixed_signals=None)
    legacy_too = PostFact("q3", "b2", "2026-05", None)
    ix = DashboardIndex.build(
        dataclasses.replace(FACTS, posts=(*POSTS, unsure, legacy, legacy_too))
    )
    may = ix.overview(DashboardFilter(from_month="2026-05")).total
    assert _framings(may) == (0, 0, 0, 1, 2)
    assert may is not None and may.unclassified == 3  # the deprecated sum of the two
    assert _framings(ix.overview(DashboardFilter()).total) == (2, 1, 1, 1, 3)  # and p5
    big = {t.team.id: t for t in ix.teams_view(DashboardFilter())}["big"]
    assert _framings(big.figures) == (1, 1, 1, 1, 3)
    fr = {r.country: r for r in ix.cultures(DashboardFilter()).rows}["FR"]
    assert _framings(fr.figures) == (2, 0, 1, 1, 2)

    judged = dataclasses.replace(legacy, orientation="COLLECTIVE", mixed_signals=False)
    after = ix.with_posts({"q2": judged})
    assert _framings(after.overview(DashboardFilter(from_month="2026-05")).total) == (
        0,
        0,
        1,
        1,
        1,
    )
    unsure_now = dataclasses.replace(legacy_too, mixed_signals=True)
    again = after.with_posts({"q3": unsure_now})
    assert _framings(again.overview(DashboardFilter(from_month="2026-05")).total) == (
        0,
        0,
        1,
        2,
        0,
    )


def test_no_individual_generosity_figure() -> None:
    # Rates are per team; nothing ranks a person by how often they credit others.
    fields = {f.name for f in dataclasses.fields(TeamFigures)}
    assert not any("person" in name or "least" in name for name in fields)


def test_project_report_and_floor(ix: DashboardIndex) -> None:
    report = ix.project_report("x", DashboardFilter())
    assert report is not None and report.summary.withheld_reason is None
    credited = {c.person.id: (c.credited_in, c.authored) for c in report.contributors}
    assert credited["b2"] == (1, 0) and credited["b0"] == (0, 1) and credited["b5"] == (0, 0)
    assert [p.post.id for p in report.posts] == ["p1", "p2"]
    assert ix.project_report("nope", DashboardFilter()) is None
    few = DashboardIndex.build(
        dataclasses.replace(FACTS, contributions=FACTS.contributions[:4])
    ).project_report("x", DashboardFilter())
    assert few is not None and few.summary.withheld_reason is not None and few.contributors == ()


def test_cultures_with_hofstede_and_floor(ix: DashboardIndex) -> None:
    c = ix.cultures(DashboardFilter())
    rows = {r.country: r for r in c.rows}
    assert rows["FR"].people == 5 and rows["FR"].individualism == 71
    assert rows["FR"].figures is not None and rows["FR"].figures.posts == 3
    assert rows["US"].people == 3 and rows["US"].withheld_reason is not None
    assert rows["US"].figures is None
    assert c.sources and "never a person" in c.caveat


@pytest.mark.parametrize(
    "f",
    [
        DashboardFilter(from_month="2026-1"),
        DashboardFilter(to_month="2026-00"),
        DashboardFilter(from_month="2026-05", to_month="2026-01"),
        DashboardFilter(country="FRA"),
    ],
)
def test_bad_filters(f: DashboardFilter) -> None:
    with pytest.raises(BadUserInput):
        check_filter(f)


def _views(ix: DashboardIndex) -> list[object]:
    """Every view, under a few filters: what two indexes must agree on to be the same."""
    filters = [
        DashboardFilter(),
        DashboardFilter(team_id="big"),
        DashboardFilter(country="FR"),
        DashboardFilter(organization_id="o", country="US", from_month="2026-02"),
    ]
    out: list[object] = [ix.months]
    for f in filters:
        out += [ix.overview(f), ix.teams_view(f), ix.cultures(f), ix.project_report("x", f)]
    return out


NEW_POSTS = (
    PostFact("p6", "b5", "2026-04", "COLLECTIVE", named=("b0", "s1"), about=("x",)),
    PostFact("p7", "s1", "2026-01", "BALANCED", named=("b1",)),
)


def test_posts_written_since_the_read_are_added_in_place() -> None:
    ix = DashboardIndex.build(FACTS)
    _views(ix)  # computed once before, as a live index would be
    assert not ix.rebuilds_for({p.id: p for p in NEW_POSTS})
    same = ix.with_posts({p.id: p for p in NEW_POSTS})
    assert same is ix  # added bucket by bucket, not rebuilt
    rebuilt = DashboardIndex.build(dataclasses.replace(FACTS, posts=POSTS + NEW_POSTS))
    assert _views(ix) == _views(rebuilt)
    overview = ix.overview(DashboardFilter())
    assert overview.total is not None and overview.total.posts == 7
    assert ix.months[-1] == "2026-04"
    # The same posts again (a post read alone after a full read that had it): no change.
    assert ix.with_posts({p.id: p for p in NEW_POSTS}) is ix
    assert _views(ix) == _views(rebuilt)


def test_a_post_changed_or_gone_rebuilds_from_the_facts_in_memory() -> None:
    ix = DashboardIndex.build(FACTS)
    changed = dataclasses.replace(POSTS[1], orientation="INDIVIDUAL", named=("b3",))
    before = _views(ix)
    assert ix.rebuilds_for({"p2": changed}) and ix.rebuilds_for({"p5": None})
    after = ix.with_posts({"p2": changed, "p5": None})
    assert after is not ix and _views(ix) == before  # a new index; this one untouched
    expected = DashboardIndex.build(
        dataclasses.replace(FACTS, posts=(POSTS[0], changed, POSTS[2], POSTS[3]))
    )
    assert _views(after) == _views(expected)
    # b2 is no longer credited in January: a bucket's set forgot her.
    jan = after.overview(DashboardFilter()).months[0].figures
    assert (jan.individual, jan.collective, jan.people_credited) == (2, 0, 1)


def test_knows_what_the_read_had() -> None:
    ix = DashboardIndex.build(FACTS)
    assert ix.knows(NEW_POSTS[0])
    assert not ix.knows(PostFact("p8", "newcomer", "2026-05"))  # their teams are unknown
    assert not ix.knows(PostFact("p8", "b0", "2026-05", named=("newcomer",)))
    assert not ix.knows(PostFact("p8", "b0", "2026-05", about=("new-project",)))
