// The most credited people
//
// Question:   Whose name comes up most in other people's posts?
// Parameters: $top  how many people (default 10).
// Answer:     one row per person: posts = posts by someone else that mention or credit
//             them; credits = those where the author accepted a TeamCredit suggestion to
//             credit them (CREDITS). Most named first, ties by id. A name far ahead of
//             the rest can be a real hub, or a team's credit landing on one face
//             (compare with 04-credit-concentration.cypher).
MATCH (n:Post)-[:MENTIONS|CREDITS]->(p:Person)
WHERE NOT EXISTS { (p)-[:AUTHORED]->(n) }
WITH p, count(DISTINCT n) AS posts
ORDER BY posts DESC, p.id
LIMIT coalesce($top, 10)
RETURN p.id AS personId, p.name AS person, posts,
       COUNT { (p)<-[:CREDITS]-(m:Post) WHERE NOT EXISTS { (p)-[:AUTHORED]->(m) } } AS credits,
       [(p)-[:MEMBER_OF]->(t:Team) | t.name] AS teams
ORDER BY posts DESC, personId
