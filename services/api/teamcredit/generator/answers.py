"""The cookbook's answers, computed in plain Python from an import document.

This is the tests' oracle: each function states, in Python, the same question a
docs/cypher/ query asks of the graph, so a query and its oracle must agree on any
generated organisation. Orientation is not in the document (the importer computes it
from the text); the generator passes the orientation each post was written to have, and
the posts the analyser finds mixed signals in (counted in no orientation).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import asdict, dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

MIN_TEAM_SIZE = 5  # the privacy floor, as in services/recognition.py
TOP = 10
MIXED = "MIXED_SIGNALS"  # counted apart from the three orientations

Doc = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Answers:
    recognition_balance: list[dict[str, Any]]
    uncredited_contributors: list[tuple[str, str]]
    transversality: list[dict[str, Any]]
    credit_concentration: list[dict[str, Any]]
    framing_by_country: list[dict[str, Any]]
    framing_correlation: float
    insular_teams: list[str]
    people_without_team: list[str]
    unposted_projects: list[str]
    most_credited: list[dict[str, Any]]
    most_colleagues_posts: list[dict[str, Any]]
    never_credited: list[str]

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Planted:
    """What the generator put there on purpose; each is one of the answers above."""

    people_without_team: list[str]
    small_teams: list[str]
    insular_teams: list[str]
    never_credited: list[str]
    unposted_projects: list[str]
    hero_team: str
    hero: str
    most_credited: str
    max_post: str
    max_post_colleagues: int
    notes: dict[str, str] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        return asdict(self)


class _Index:
    """The document's relationships as look-up tables."""

    def __init__(self, doc: Doc) -> None:
        self.teams_of: dict[str, set[str]] = defaultdict(set)
        self.members: dict[str, set[str]] = defaultdict(set)
        for m in doc["memberships"]:
            self.teams_of[m["personId"]].add(m["teamId"])
            self.members[m["teamId"]].add(m["personId"])
        self.team_ids = [t["id"] for t in doc["teams"]]
        self.posts = doc["posts"]
        self.author = {p["id"]: p["authorId"] for p in self.posts}
        # Post id -> people it names (mentions or credits), the author excluded.
        self.named: dict[str, set[str]] = {
            p["id"]: (set(p["mentions"]) | set(p["credits"])) - {p["authorId"]} for p in self.posts
        }
        self._by_team: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for post in self.posts:
            for team in self.teams_of.get(post["authorId"], ()):
                self._by_team[team].append(post)

    def size(self, team: str) -> int:
        return len(self.members.get(team, ()))

    def above_floor(self) -> list[str]:
        return sorted(t for t in self.team_ids if self.size(t) >= MIN_TEAM_SIZE)

    def team_posts(self, team: str) -> list[Mapping[str, Any]]:
        return self._by_team.get(team, [])


def _shown(post_id: str, intended: Mapping[str, str], mixed: AbstractSet[str]) -> str:
    """The orientation counted for a post: none when the analyser finds mixed signals in it
    (docs/graph-model.md, Framing on posts)."""
    return MIXED if post_id in mixed else intended[post_id]


def recognition_balance(
    ix: _Index, intended: Mapping[str, str], mixed: AbstractSet[str] = frozenset()
) -> list[dict[str, Any]]:
    rows = []
    for team in ix.above_floor():
        kinds = Counter(_shown(p["id"], intended, mixed) for p in ix.team_posts(team))
        rows.append(
            {
                "teamId": team,
                "members": ix.size(team),
                "posts": sum(kinds.values()),
                "individual": kinds["INDIVIDUAL"],
                "balanced": kinds["BALANCED"],
                "collective": kinds["COLLECTIVE"],
                "mixedSignals": kinds[MIXED],
                # An import judges every post it writes: none is left for `teamcredit reframe`.
                "notJudged": 0,
            }
        )
    return rows


def uncredited_contributors(doc: Doc, ix: _Index) -> list[tuple[str, str]]:
    about: dict[str, list[str]] = defaultdict(list)
    for post in ix.posts:
        for project in post["about"] or ():
            about[project].append(post["id"])
    pairs = []
    for c in doc["contributions"]:
        posts = about.get(c["projectId"])
        if not posts:
            continue
        person = c["personId"]
        named = any(person in ix.named[p] for p in posts)
        wrote = any(ix.author[p] == person for p in posts)
        if not named and not wrote:
            pairs.append((c["projectId"], person))
    return sorted(set(pairs))


def transversality(ix: _Index) -> list[dict[str, Any]]:
    allowed = set(ix.above_floor())
    mentions: Counter[tuple[str, str]] = Counter()
    people: dict[tuple[str, str], set[str]] = defaultdict(set)
    for post in ix.posts:
        for source in ix.teams_of.get(post["authorId"], ()):
            for person in ix.named[post["id"]]:
                for target in ix.teams_of.get(person, ()):
                    if source != target and source in allowed and target in allowed:
                        mentions[source, target] += 1
                        people[source, target].add(person)
    return sorted(
        (
            {"fromTeam": s, "toTeam": t, "mentions": n, "people": len(people[s, t])}
            for (s, t), n in mentions.items()
        ),
        key=lambda r: (-r["mentions"], r["fromTeam"], r["toTeam"]),
    )


def received(ix: _Index) -> Counter[str]:
    """Person -> posts by someone else that mention or credit them."""
    return Counter(person for named in ix.named.values() for person in named)


def credit_concentration(ix: _Index) -> list[dict[str, Any]]:
    got = received(ix)
    rows = []
    for team in ix.above_floor():
        members = sorted(ix.members[team])
        total = sum(got[m] for m in members)
        if total == 0:
            continue
        top = min(members, key=lambda m: (-got[m], m))
        rows.append(
            {
                "teamId": team,
                "members": len(members),
                "mentions": total,
                "topPersonId": top,
                "topMentions": got[top],
                "share": cypher_round(got[top] / total),
            }
        )
    return sorted(rows, key=lambda r: (-r["share"], r["teamId"]))


def cypher_round(value: float, places: int = 4) -> float:
    """Round as Cypher's round(x, places) does: halves away from zero, not to even."""
    step = Decimal(1).scaleb(-places)
    return float(Decimal(value).quantize(step, rounding=ROUND_HALF_UP))


def pearson(xs: list[float], ys: list[float]) -> float:
    n = len(xs)
    if n < 2:
        return 0.0
    mx, my = sum(xs) / n, sum(ys) / n
    cov = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    vx = sum((x - mx) ** 2 for x in xs)
    vy = sum((y - my) ** 2 for y in ys)
    return cov / math.sqrt(vx * vy) if vx > 0 and vy > 0 else 0.0


def framing_by_country(
    doc: Doc,
    ix: _Index,
    intended: Mapping[str, str],
    idv: Mapping[str, int],
    mixed: AbstractSet[str] = frozenset(),
) -> tuple[list[dict[str, Any]], float]:
    country = {p["id"]: p.get("country") for p in doc["people"]}
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    for post in ix.posts:
        code = country.get(post["authorId"])
        if code is not None and code in idv:
            kinds[code][_shown(post["id"], intended, mixed)] += 1
    rows: list[dict[str, Any]] = []
    for code in sorted(kinds):
        k = kinds[code]
        posts = sum(k.values())
        rows.append(
            {
                "country": code,
                "individualism": idv[code],
                "posts": posts,
                "individual": k["INDIVIDUAL"],
                "balanced": k["BALANCED"],
                "collective": k["COLLECTIVE"],
                "mixedSignals": k[MIXED],
                "notJudged": 0,
                "individualShare": round(k["INDIVIDUAL"] / posts, 4),
            }
        )
    r = pearson([r["individualism"] for r in rows], [r["individual"] / r["posts"] for r in rows])
    return rows, round(r, 4)


def insular_teams(ix: _Index) -> list[str]:
    found = []
    for team in ix.above_floor():
        posts = ix.team_posts(team)
        if not posts:
            continue
        outside = any(
            team not in ix.teams_of.get(person, set()) and ix.teams_of.get(person)
            for post in posts
            for person in ix.named[post["id"]]
        )
        if not outside:
            found.append(team)
    return found


def people_without_team(doc: Doc, ix: _Index) -> list[str]:
    return sorted(p["id"] for p in doc["people"] if not ix.teams_of.get(p["id"]))


def unposted_projects(doc: Doc, ix: _Index) -> list[str]:
    about = {project for post in ix.posts for project in post["about"] or ()}
    return sorted(p["id"] for p in doc["projects"] if p["id"] not in about)


def most_credited(ix: _Index, top: int = TOP) -> list[dict[str, Any]]:
    got = received(ix)
    credits = Counter(
        person for post in ix.posts for person in set(post["credits"]) - {post["authorId"]}
    )
    ranked = sorted(got, key=lambda person: (-got[person], person))[:top]
    return [{"personId": p, "posts": got[p], "credits": credits[p]} for p in ranked]


def most_colleagues_posts(ix: _Index, top: int = TOP) -> list[dict[str, Any]]:
    ranked = sorted(ix.named, key=lambda post: (-len(ix.named[post]), post))[:top]
    return [{"postId": p, "colleagues": len(ix.named[p])} for p in ranked]


def never_credited(doc: Doc, ix: _Index) -> list[str]:
    got = received(ix)
    contributors = {c["personId"] for c in doc["contributions"]}
    return sorted(p for p in contributors if got[p] == 0)


def compute_answers(
    doc: Doc,
    intended: Mapping[str, str],
    idv: Mapping[str, int],
    mixed: AbstractSet[str] = frozenset(),
) -> Answers:
    """``mixed``: the posts the analyser finds mixed signals in, counted in no orientation."""
    ix = _Index(doc)
    by_country, correlation = framing_by_country(doc, ix, intended, idv, mixed)
    return Answers(
        recognition_balance=recognition_balance(ix, intended, mixed),
        uncredited_contributors=uncredited_contributors(doc, ix),
        transversality=transversality(ix),
        credit_concentration=credit_concentration(ix),
        framing_by_country=by_country,
        framing_correlation=correlation,
        insular_teams=insular_teams(ix),
        people_without_team=people_without_team(doc, ix),
        unposted_projects=unposted_projects(doc, ix),
        most_credited=most_credited(ix),
        most_colleagues_posts=most_colleagues_posts(ix),
        never_credited=never_credited(doc, ix),
    )


def ids(items: Iterable[Any]) -> list[str]:
    return sorted(str(item.id) for item in items)
