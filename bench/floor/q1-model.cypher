// Q1 floor: one model with its first developer, its country (own, else the first developer's) and
// its benchmark results, best first; the fields the API's Q1 asks for, in one query.
MATCH (m:Model {slug: $slug})
RETURN m.slug AS slug, m.name AS name, toString(m.releaseDate) AS releaseDate,
  COLLECT { MATCH (m)-[d:DEVELOPED_BY]->(o:Organization) WITH o, d ORDER BY d.order, o.uid LIMIT 1 RETURN o {.slug, .name} }[0] AS organization,
  coalesce(
    COLLECT { MATCH (m)-[:ORIGINATES_IN]->(c:Country) WITH c ORDER BY c.code LIMIT 1 RETURN c {.code, .name} }[0],
    COLLECT { MATCH (m)-[d:DEVELOPED_BY]->(o:Organization) WITH o ORDER BY d.order, o.uid LIMIT 1
              MATCH (o)-[:HEADQUARTERED_IN]->(c:Country) WITH c ORDER BY c.code LIMIT 1 RETURN c {.code, .name} }[0]
  ) AS country,
  COLLECT { MATCH (m)-[r:SCORED]->(b:Benchmark) WITH r, b ORDER BY r.score DESC, b.uid LIMIT 100
            RETURN {score: r.score, benchmark: b {.slug, .name}} } AS benchmarkResults
