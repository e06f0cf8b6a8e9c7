// Credit concentration per team
//
// Question:   Does a team's recognition go to everyone, or mostly to one person?
// Parameters: none.
// Answer:     one row per team of 5 people or more that anyone names: mentions = posts
//             (by someone else) naming one of its members, summed over members; the
//             member named most, and share = their part of the team's mentions. With 8
//             people, an even spread is a share around 0.15-0.3; above 0.6, one face
//             takes the team's credit. Highest shares first.
// Privacy:    teams under 5 people are left out.
MATCH (t:Team)
WITH t, COUNT { (t)<-[:MEMBER_OF]-(:Person) } AS members
WHERE members >= 5 // privacy floor
MATCH (t)<-[:MEMBER_OF]-(p:Person)
OPTIONAL MATCH (n:Post)-[:MENTIONS|CREDITS]->(p)
WHERE NOT EXISTS { (p)-[:AUTHORED]->(n) }
WITH t, members, p, count(DISTINCT n) AS received
ORDER BY received DESC, p.id
WITH t, members, collect(p.id) AS ids, collect(p.name) AS names,
     collect(received) AS counts, sum(received) AS mentions
WHERE mentions > 0
RETURN t.id AS teamId, t.name AS team, members, mentions,
       ids[0] AS topPersonId, names[0] AS topPerson, counts[0] AS topMentions,
       round(toFloat(counts[0]) / mentions, 4) AS share
ORDER BY share DESC, teamId
