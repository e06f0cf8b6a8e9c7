"""The distributions the synthetic organisation is drawn from.

They are the "known distributions" the cookbook's answers rest on: change one and the
planted answers move with it (they are recomputed from the document, never hard-coded).
"""

from __future__ import annotations

from dataclasses import dataclass

from teamcredit.analysis.models import Orientation

MIN_PEOPLE = 200  # below this, the planted answers stop standing out from chance


@dataclass(frozen=True, slots=True)
class Shape:
    posts_per_person: float = 10.0
    people_per_organization: int = 1500
    # Regular team sizes (members) and their relative frequency: most teams have 6-10.
    team_sizes: tuple[tuple[int, float], ...] = (
        (5, 6),
        (6, 10),
        (7, 12),
        (8, 12),
        (9, 11),
        (10, 9),
        (11, 7),
        (12, 6),
        (13, 4),
        (14, 3),
        (15, 2),
    )
    # Teams under the privacy floor (3 or 4 people): this share of teams, at least 2.
    small_team_share: float = 0.05
    # People in no team (new hires, contractors): this share of people, at least 3.
    no_team_share: float = 0.01
    # Contributors nobody ever names: this share of people, at least 3.
    never_credited_share: float = 0.01
    # Teams whose posts never name anyone outside the team: this share, at least 2.
    insular_team_share: float = 0.02
    # Projects nobody posts about: this share of projects, at least 2.
    unposted_project_share: float = 0.03
    projects_per_team: tuple[tuple[int, float], ...] = ((1, 4), (2, 4), (3, 2))
    home_country_share: float = 0.75  # members from the team's home country
    second_project_share: float = 0.3  # members who also work on another team project
    cross_team_project_share: float = 0.5  # projects with 1-2 contributors from elsewhere
    lurker_share: float = 0.04  # team members who never post
    # P(post is individual) = base + slope * individualism / 100, by the author's country;
    # the rest is split between collective and balanced.
    individual_base: float = 0.04
    individual_slope: float = 0.5
    collective_of_rest: float = 0.62
    post_about_project: float = 0.85  # when the author has a project to post about
    mention_counts: tuple[tuple[Orientation, tuple[tuple[int, float], ...]], ...] = (
        (Orientation.INDIVIDUAL, ((0, 1.0),)),
        (Orientation.BALANCED, ((0, 0.5), (1, 0.5))),
        (Orientation.COLLECTIVE, ((0, 0.15), (1, 0.35), (2, 0.3), (3, 0.2))),
    )
    # Where a mentioned colleague comes from: the post's project, else the author's team,
    # else anyone in the author's organisation (cross-team recognition).
    mention_from_project: float = 0.55
    mention_from_team: float = 0.30
    credit_share: float = 0.4  # mentions the author also accepted as a TeamCredit credit
    hero_capture: float = 0.95  # in the concentrated team, mentions that go to its "hero"
    most_credited_margin: float = 2.0  # the most credited person gets this x the runner-up
    max_post_mentions: int = 12  # the post that credits the most colleagues

    def mention_weights(self, orientation: Orientation) -> tuple[tuple[int, float], ...]:
        return dict(self.mention_counts)[orientation]


DEFAULT_SHAPE = Shape()
