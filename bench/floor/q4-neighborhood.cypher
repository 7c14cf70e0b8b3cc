// Q4 floor: a model's neighbourhood to depth 2 as the API's Q4 walks it: its developers (with their
// country and 10 of their models), its benchmarks (with their 10 best results) and the reports that
// include it (with their publisher).
MATCH (m:Model {slug: $slug})
RETURN m.slug AS slug,
  COLLECT { MATCH (m)-[d:DEVELOPED_BY]->(o:Organization) WITH o ORDER BY d.order, o.uid
            RETURN o {.slug,
                      country: COLLECT { MATCH (o)-[:HEADQUARTERED_IN]->(c:Country) RETURN c.code ORDER BY c.code LIMIT 1 }[0],
                      models: COLLECT { MATCH (o)<-[:DEVELOPED_BY]-(x:Model) WITH x ORDER BY toLower(x.name), x.uid LIMIT 10 RETURN x.slug }} } AS developers,
  COLLECT { MATCH (m)-[r:SCORED]->(b:Benchmark) WITH r, b ORDER BY r.score DESC, b.uid LIMIT 10
            RETURN {score: r.score, benchmark: b {.slug,
                      results: COLLECT { MATCH (b)<-[s:SCORED]-(x:Model) WITH s, x ORDER BY s.score DESC, x.uid LIMIT 10 RETURN {score: s.score, model: x.slug} }}} } AS benchmarkResults,
  COLLECT { MATCH (m)<-[:INCLUDES]-(p:Report) WITH p ORDER BY toLower(p.name), p.uid
            RETURN p {.slug, publisher: COLLECT { MATCH (p)-[:PUBLISHED_BY]->(o:Organization) RETURN o.slug ORDER BY o.slug LIMIT 1 }[0]} } AS includedIn
