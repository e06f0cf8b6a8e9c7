// The posts that credit the most colleagues
//
// Question:   Which posts name the most people besides their author?
// Parameters: $top  how many posts (default 10).
// Answer:     one row per post: colleagues = distinct people it mentions or credits (the
//             author excluded), its author, orientation and the start of its text. The
//             generous end of recognition; the other end is 02-uncredited-contributors.
MATCH (a:Person)-[:AUTHORED]->(n:Post)-[:MENTIONS|CREDITS]->(p:Person)
WHERE p <> a
WITH a, n, count(DISTINCT p) AS colleagues
ORDER BY colleagues DESC, n.id
LIMIT coalesce($top, 10)
RETURN n.id AS postId, a.id AS authorId, a.name AS author, colleagues,
       n.orientation AS orientation, substring(n.text, 0, 80) AS text
ORDER BY colleagues DESC, postId
