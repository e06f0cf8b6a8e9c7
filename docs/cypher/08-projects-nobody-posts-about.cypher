// Projects nobody posts about
//
// Question:   Which projects have never been the subject of a post?
// Parameters: none.
// Answer:     one row per project with no incoming ABOUT: the team that owns it and how
//             many people contribute to it. Work nobody talks about is work nobody gets
//             credit for, however many contributors it has.
MATCH (x:Project)
WHERE NOT EXISTS { (x)<-[:ABOUT]-(:Post) }
OPTIONAL MATCH (t:Team)-[:OWNS]->(x)
RETURN x.id AS projectId, x.name AS project, t.id AS teamId, t.name AS team,
       COUNT { (x)<-[:CONTRIBUTED_TO]-(:Person) } AS contributors
ORDER BY projectId
