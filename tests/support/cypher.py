"""Cypher the tests use to inspect the graph directly (never through the code under test)."""

WIPE = "MATCH (n) WHERE NOT n:Country AND NOT n:ApiKey DETACH DELETE n"
COUNT_LABEL = {
    "Person": "MATCH (n:Person) RETURN count(n) AS c",
    "Team": "MATCH (n:Team) RETURN count(n) AS c",
    "Post": "MATCH (n:Post) RETURN count(n) AS c",
    "Project": "MATCH (n:Project) RETURN count(n) AS c",
    "Organization": "MATCH (n:Organization) RETURN count(n) AS c",
}
