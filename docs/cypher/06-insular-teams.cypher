// Teams whose posts never name another team
//
// Question:   Which teams post, but only ever credit their own members?
// Parameters: none.
// Answer:     one row per team of 5 people or more whose members wrote posts, none of
//             which mentions or credits a member of another team. Not a verdict: a team
//             may simply work alone. Compare with 03-cross-team-credit.cypher.
// Privacy:    teams under 5 people are left out.
MATCH (t:Team)
WITH t, COUNT { (t)<-[:MEMBER_OF]-(:Person) } AS members
WHERE members >= 5 // privacy floor
  AND EXISTS { (t)<-[:MEMBER_OF]-(:Person)-[:AUTHORED]->(:Post) }
  AND NOT EXISTS {
    MATCH (t)<-[:MEMBER_OF]-(:Person)-[:AUTHORED]->(:Post)-[:MENTIONS|CREDITS]->(p:Person)
          -[:MEMBER_OF]->(other:Team)
    WHERE other <> t AND NOT EXISTS { (p)-[:MEMBER_OF]->(t) }
  }
RETURN t.id AS teamId, t.name AS team, members,
       COUNT { (t)<-[:MEMBER_OF]-(:Person)-[:AUTHORED]->(:Post) } AS posts
ORDER BY teamId
