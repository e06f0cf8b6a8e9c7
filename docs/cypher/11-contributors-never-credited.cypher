// Contributors nobody ever names
//
// Question:   Who contributes to projects but is never mentioned or credited by anyone?
// Parameters: none.
// Answer:     one row per contributor with no post by someone else naming them, with the
//             projects they contribute to. Broader than 02-uncredited-contributors (which
//             is per project): these people are invisible everywhere.
MATCH (p:Person)-[:CONTRIBUTED_TO]->(x:Project)
WHERE NOT EXISTS {
  MATCH (n:Post)-[:MENTIONS|CREDITS]->(p)
  WHERE NOT EXISTS { (p)-[:AUTHORED]->(n) }
}
WITH p, collect(x.name) AS projects
RETURN p.id AS personId, p.name AS person, size(projects) AS projectCount, projects,
       [(p)-[:MEMBER_OF]->(t:Team) | t.name] AS teams
ORDER BY personId
