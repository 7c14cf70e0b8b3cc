// The code of the country of `m` (a Model): its own country, else its first developer's headquarters.
coalesce(
  COLLECT { MATCH (m)-[:ORIGINATES_IN]->(c:Country) RETURN c.code ORDER BY c.code LIMIT 1 }[0],
  COLLECT { MATCH (m)-[d:DEVELOPED_BY]->(o:Organization) WITH o ORDER BY d.order, o.uid LIMIT 1
            MATCH (o)-[:HEADQUARTERED_IN]->(c:Country) RETURN c.code ORDER BY c.code LIMIT 1 }[0]
)
