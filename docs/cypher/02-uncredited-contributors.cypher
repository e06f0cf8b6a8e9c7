// Uncredited contributors per project
//
// Question:   Who worked on a project that people post about, yet is named in none of
//             those posts (not mentioned, not credited) and wrote none of them?
// Parameters: none.
// Answer:     one row per (project, contributor): the contribution's role and weight, and
//             how many posts are about the project. Projects nobody posts about are left
//             out (see 08-projects-nobody-posts-about.cypher); they have no posts to be
//             named in. A long list for one project: its posts credit a few faces.
MATCH (x:Project)<-[c:CONTRIBUTED_TO]-(p:Person)
WHERE EXISTS { (x)<-[:ABOUT]-(:Post) }
  AND NOT EXISTS { (x)<-[:ABOUT]-(:Post)-[:MENTIONS|CREDITS]->(p) }
  AND NOT EXISTS { (x)<-[:ABOUT]-(:Post)<-[:AUTHORED]-(p) }
RETURN x.id AS projectId, x.name AS project, p.id AS personId, p.name AS person,
       c.role AS role, c.weight AS weight,
       COUNT { (x)<-[:ABOUT]-(:Post) } AS postsAboutProject
ORDER BY projectId, personId
