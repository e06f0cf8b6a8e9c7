// Recognition balance per team
//
// Question:   How are each team's posts framed: about "I", balanced, or about "we"?
// Parameters: none.
// Answer:     one row per team of 5 people or more: members, posts its members wrote, and
//             how many of those the framing analyser read as INDIVIDUAL, BALANCED or
//             COLLECTIVE (Post.orientation, computed at import), mixedSignals: posts it
//             judged with low confidence (Post.mixedSignals true), and notJudged: posts
//             stored before that flag was kept (run `teamcredit reframe` to judge them).
//             Both count in no orientation: posts = individual + balanced + collective +
//             mixedSignals + notJudged. individualShare near 1 means the team's posts
//             mostly credit their author; near 0, the group.
// Privacy:    teams under 5 people are left out (see "Privacy floor" in the cookbook).
MATCH (t:Team)
WITH t, COUNT { (t)<-[:MEMBER_OF]-(:Person) } AS members
WHERE members >= 5 // privacy floor: never lower it
OPTIONAL MATCH (t)<-[:MEMBER_OF]-(:Person)-[:AUTHORED]->(n:Post)
WITH t, members,
     count(DISTINCT n) AS posts,
     count(DISTINCT CASE WHEN n.mixedSignals = false AND n.orientation = 'INDIVIDUAL'
                         THEN n END) AS individual,
     count(DISTINCT CASE WHEN n.mixedSignals = false AND n.orientation = 'BALANCED'
                         THEN n END) AS balanced,
     count(DISTINCT CASE WHEN n.mixedSignals = false AND n.orientation = 'COLLECTIVE'
                         THEN n END) AS collective,
     count(DISTINCT CASE WHEN n.mixedSignals = true THEN n END) AS mixedSignals,
     count(DISTINCT CASE WHEN n.mixedSignals IS NULL THEN n END) AS notJudged
RETURN t.id AS teamId, t.name AS team, members, posts, individual, balanced, collective,
       mixedSignals, notJudged,
       CASE WHEN posts = 0 THEN null ELSE round(toFloat(individual) / posts, 3) END
         AS individualShare
ORDER BY teamId
