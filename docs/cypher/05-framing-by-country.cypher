// Framing by author country, against Hofstede individualism
//
// Question:   Do people from more individualist cultures frame posts more around "I"?
// Parameters: $hofstede  list of {iso2, idv}: Hofstede individualism per country.
//             `teamcredit cypher` fills it from the packaged table (Hofstede, Hofstede &
//             Minkov 2010, data/culture/hofstede.csv) when you do not pass it. The graph's
//             Country nodes carry only iso2, so the scores come in as a parameter.
// Answer:     one row per author country: individualism, posts, the orientation counts
//             (verdicts shown only: mixedSignals counts the posts the analyser judged with
//             low confidence, notJudged those stored before that flag was kept, run
//             `teamcredit reframe`; both in no orientation), individualShare (INDIVIDUAL
//             posts / posts) and avgScore (mean framing score,
//             +1 individual .. -1 collective). Every row repeats `correlation`: Pearson's
//             r between individualism and individualShare across the countries listed,
//             computed here in Cypher. r > 0 means framing follows culture; with a dozen
//             countries read it as a direction, not a law.
UNWIND $hofstede AS c
MATCH (a:Person {country: c.iso2})-[:AUTHORED]->(n:Post)
WITH c.iso2 AS country, toFloat(c.idv) AS individualism,
     count(n) AS posts,
     count(CASE WHEN n.mixedSignals = false AND n.orientation = 'INDIVIDUAL' THEN 1 END)
       AS individual,
     count(CASE WHEN n.mixedSignals = false AND n.orientation = 'BALANCED' THEN 1 END)
       AS balanced,
     count(CASE WHEN n.mixedSignals = false AND n.orientation = 'COLLECTIVE' THEN 1 END)
       AS collective,
     count(CASE WHEN n.mixedSignals = true THEN 1 END) AS mixedSignals,
     count(CASE WHEN n.mixedSignals IS NULL THEN 1 END) AS notJudged,
     avg(n.framingScore) AS avgScore
WITH collect({country: country, individualism: individualism, posts: posts,
              individual: individual, balanced: balanced, collective: collective,
              mixedSignals: mixedSignals, notJudged: notJudged, share: toFloat(individual) / posts,
              avgScore: avgScore}) AS rows
WITH rows, toFloat(size(rows)) AS k,
     reduce(s = 0.0, r IN rows | s + r.individualism) AS sx,
     reduce(s = 0.0, r IN rows | s + r.share) AS sy,
     reduce(s = 0.0, r IN rows | s + r.individualism * r.individualism) AS sxx,
     reduce(s = 0.0, r IN rows | s + r.share * r.share) AS syy,
     reduce(s = 0.0, r IN rows | s + r.individualism * r.share) AS sxy
WITH rows, k * sxx - sx * sx AS vx, k * syy - sy * sy AS vy, k * sxy - sx * sy AS cov
UNWIND rows AS r
RETURN r.country AS country, toInteger(r.individualism) AS individualism, r.posts AS posts,
       r.individual AS individual, r.balanced AS balanced, r.collective AS collective,
       r.mixedSignals AS mixedSignals, r.notJudged AS notJudged, round(r.share, 4) AS individualShare, round(r.avgScore, 4) AS avgScore,
       CASE WHEN vx > 0 AND vy > 0 THEN round(cov / sqrt(vx * vy), 4) END AS correlation
ORDER BY individualism DESC, country
