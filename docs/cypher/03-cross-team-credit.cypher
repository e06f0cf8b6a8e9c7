// Who credits whom across teams (transversality)
//
// Question:   When a team's members post, which other teams' people do they name?
// Parameters: $limit  rows to return (default 50, largest flows first).
// Answer:     one row per (team that posts, team that is named), the two teams different:
//             mentions = (post, person) pairs, people = distinct people named. Read it as
//             a flow of recognition between teams; a team that never appears on the
//             left names nobody outside (see 06-insular-teams.cypher).
// Privacy:    both teams must have 5 people or more.
MATCH (t1:Team)<-[:MEMBER_OF]-(a:Person)-[:AUTHORED]->(n:Post)-[:MENTIONS|CREDITS]->(p:Person)
      -[:MEMBER_OF]->(t2:Team)
WHERE t1 <> t2 AND p <> a
WITH DISTINCT t1, t2, n, p
WITH t1, t2, count(*) AS mentions, count(DISTINCT p) AS people
WHERE COUNT { (t1)<-[:MEMBER_OF]-(:Person) } >= 5 // privacy floor
  AND COUNT { (t2)<-[:MEMBER_OF]-(:Person) } >= 5
RETURN t1.id AS fromTeamId, t1.name AS fromTeam, t2.id AS toTeamId, t2.name AS toTeam,
       mentions, people
ORDER BY mentions DESC, fromTeamId, toTeamId
LIMIT coalesce($limit, 50)
