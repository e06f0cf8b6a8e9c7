// People with no team
//
// Question:   Who is in the graph but in no team (new hires, contractors, stale records)?
// Parameters: none.
// Answer:     one row per person without a MEMBER_OF relationship, with how many projects
//             they contribute to and posts they wrote. Team-level figures cannot count
//             them: check this list before reading any per-team analysis.
MATCH (p:Person)
WHERE NOT EXISTS { (p)-[:MEMBER_OF]->(:Team) }
RETURN p.id AS personId, p.name AS person, p.country AS country,
       COUNT { (p)-[:CONTRIBUTED_TO]->(:Project) } AS projects,
       COUNT { (p)-[:AUTHORED]->(:Post) } AS posts
ORDER BY personId
