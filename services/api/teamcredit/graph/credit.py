"""Who wrote these posts and who else worked with them: ONE round trip for a whole batch.

Every pattern starts with its own MATCH on an indexed key (a person or project id): given a
longer pattern, ArcadeDB's planner may start from the other end and scan every person.

The statement first resolves the people the batch names (authors by id or handle, mentions
by handle), then gathers, for the resolved authors and the matched projects, the
contributors, the project teams' members, the authors' teammates and collaborators, and
the teams each of those people belongs to (a post that names a team credits its members).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from teamcredit.graph import records
from teamcredit.graph.client import GraphClient
from teamcredit.models import Contribution, Person, TeamMember

_CANDIDATES = """
CALL () {
  UNWIND $ids AS key
  MATCH (n:Person {id: key})
  RETURN collect({id: n.id, name: n.name, handle: n.handle, headline: n.headline,
                  country: n.country, locale: n.locale, aliases: n.aliases}) AS byId
}
CALL () {
  UNWIND $handles AS key
  MATCH (n:Person {handle: key})
  RETURN collect({id: n.id, name: n.name, handle: n.handle, headline: n.headline,
                  country: n.country, locale: n.locale, aliases: n.aliases}) AS byHandle
}
WITH byId + byHandle AS named
WITH named, [x IN named WHERE x.id IN $authorIds OR x.handle IN $authorHandles | x.id] AS authors
CALL (authors) {
  UNWIND $projectIds AS pid
  MATCH (x:Project {id: pid})
  MATCH (x)<-[c:CONTRIBUTED_TO]-(p:Person)
  RETURN collect({personId: p.id, personName: p.name, personHandle: p.handle,
                  personCountry: p.country, personAliases: p.aliases, project: x.id,
                  projectName: x.name, role: c.role, weight: c.weight}) AS contributors
}
CALL (authors) {
  UNWIND $projectIds AS pid
  MATCH (x:Project {id: pid})
  MATCH (x)<-[:OWNS]-(t:Team)<-[:MEMBER_OF]-(m:Person)
  RETURN collect({personId: m.id, personName: m.name, personHandle: m.handle,
                  personCountry: m.country, personAliases: m.aliases, team: t.id,
                  teamName: t.name, project: x.id, projectName: x.name}) AS projectTeammates
}
CALL (authors) {
  UNWIND authors AS aid
  MATCH (a:Person {id: aid})
  MATCH (a)-[:MEMBER_OF]->(t:Team)<-[:MEMBER_OF]-(m:Person)
  WHERE m.id <> aid
  RETURN collect({author: aid, personId: m.id, personName: m.name, personHandle: m.handle,
                  personCountry: m.country, personAliases: m.aliases, team: t.id,
                  teamName: t.name}) AS authorTeammates
}
CALL (authors) {
  UNWIND authors AS aid
  MATCH (a:Person {id: aid})
  MATCH (a)-[:CONTRIBUTED_TO]->(x:Project)<-[:CONTRIBUTED_TO]-(m:Person)
  WHERE m.id <> aid
  RETURN collect({author: aid, personId: m.id, personName: m.name, personHandle: m.handle,
                  personCountry: m.country, personAliases: m.aliases, project: x.id,
                  projectName: x.name}) AS sharedProjects
}
CALL (authors) {
  UNWIND authors AS aid
  MATCH (a:Person {id: aid})
  MATCH (a)-[:AUTHORED]->(:Post)-[:MENTIONS]->(m:Person)
  WHERE m.id <> aid
  RETURN collect({author: aid, personId: m.id, personName: m.name, personHandle: m.handle,
                  personCountry: m.country, personAliases: m.aliases}) AS mentionedByAuthor
}
CALL (authors) {
  UNWIND authors AS aid
  MATCH (a:Person {id: aid})
  MATCH (a)<-[:MENTIONS]-(:Post)<-[:AUTHORED]-(m:Person)
  WHERE m.id <> aid
  RETURN collect({author: aid, personId: m.id, personName: m.name, personHandle: m.handle,
                  personCountry: m.country, personAliases: m.aliases}) AS mentionedAuthor
}
CALL (contributors, projectTeammates, authorTeammates) {
  UNWIND [r IN contributors | r.personId] + [r IN projectTeammates | r.personId]
         + [r IN authorTeammates | r.personId] AS pid
  WITH DISTINCT pid
  MATCH (p:Person {id: pid})
  MATCH (p)-[:MEMBER_OF]->(t:Team)
  RETURN collect({personId: pid, team: t.id, teamName: t.name}) AS memberships
}
RETURN named, contributors, projectTeammates, authorTeammates, sharedProjects,
       mentionedByAuthor, mentionedAuthor, memberships
"""


@dataclass(frozen=True, slots=True)
class SharedWork:
    author_id: str
    person_id: str
    project_id: str | None = None  # None: a co-mention rather than a shared project


@dataclass
class CandidateGraph:
    contributors: list[Contribution] = field(default_factory=list)
    team_members: list[TeamMember] = field(default_factory=list)
    shared: list[SharedWork] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)
    named: list[Person] = field(default_factory=list)  # resolved authors and mentions
    project_names: dict[str, str] = field(default_factory=dict)
    team_names: dict[str, str] = field(default_factory=dict)
    # The teams of every contributor and teammate: a post that names a team credits them.
    memberships: dict[str, set[str]] = field(default_factory=dict)


class CreditRepository:
    def __init__(self, client: GraphClient) -> None:
        self._client = client

    async def candidates(
        self,
        author_ids: Sequence[str],
        author_handles: Sequence[str],
        mention_handles: Sequence[str],
        project_ids: Sequence[str],
    ) -> CandidateGraph:
        rows = await self._client.read(
            _CANDIDATES,
            {
                "ids": sorted(set(author_ids)),
                "handles": sorted(set(author_handles) | set(mention_handles)),
                "authorIds": sorted(set(author_ids)),
                "authorHandles": sorted(set(author_handles)),
                "projectIds": sorted(set(project_ids)),
            },
        )
        out = CandidateGraph()
        if not rows:
            return out
        row = rows[0]
        out.named = [records.person(m) for m in row["named"]]

        def person(r: dict[str, Any]) -> str:
            # Flat keys, not a nested map projection: ArcadeDB flattens `{person: p {.*}}`.
            p = Person(
                id=r["personId"],
                name=r["personName"],
                handle=r["personHandle"],
                country=r["personCountry"],
                # Read by the already-credited matcher: "Kenta" credits 田中 健太.
                aliases=tuple(r.get("personAliases") or ()),
            )
            out.people[p.id] = p
            return p.id

        for r in row["contributors"]:
            out.project_names[r["project"]] = r["projectName"]
            weight = r["weight"]
            out.contributors.append(
                Contribution(
                    person(r),
                    r["project"],
                    r["role"],
                    1.0 if weight is None else float(weight),
                )
            )
        for r in row["projectTeammates"]:
            out.project_names[r["project"]] = r["projectName"]
            out.team_names[r["team"]] = r["teamName"]
            out.team_members.append(TeamMember(person(r), r["team"], project_id=r["project"]))
        for r in row["authorTeammates"]:
            out.team_names[r["team"]] = r["teamName"]
            out.team_members.append(TeamMember(person(r), r["team"], author_id=r["author"]))
        for r in row["sharedProjects"]:
            out.project_names[r["project"]] = r["projectName"]
            out.shared.append(SharedWork(r["author"], person(r), r["project"]))
        for r in row["mentionedByAuthor"] + row["mentionedAuthor"]:
            out.shared.append(SharedWork(r["author"], person(r)))
        for r in row.get("memberships") or ():
            out.team_names[r["team"]] = r["teamName"]
            out.memberships.setdefault(r["personId"], set()).add(r["team"])
        return out
