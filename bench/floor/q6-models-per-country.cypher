// Q6 floor: the models released in one year, counted per country, by the rule of modelStats'
// COUNTRY dimension (src/domain/model-stats.ts): a model's own countries, else its developers'
// headquarters, each once; a model with none counts in the null group. The most models first, then
// by code (the null group last); the first 100 groups, as the API's first page.
MATCH (m:Model)
WHERE m.releaseDate >= date($from) AND m.releaseDate < date($to)
WITH m, CASE WHEN EXISTS { (m)-[:ORIGINATES_IN]->(:Country) }
    THEN COLLECT { MATCH (m)-[:ORIGINATES_IN]->(c:Country) RETURN DISTINCT c }
    ELSE COLLECT { MATCH (m)-[:DEVELOPED_BY]->(:Organization)-[:HEADQUARTERED_IN]->(c:Country) RETURN DISTINCT c } END AS countries
UNWIND CASE WHEN size(countries) = 0 THEN [null] ELSE countries END AS c
WITH c, count(m) AS count
ORDER BY count DESC, c.code IS NULL, c.code
LIMIT 100
RETURN c {.code, .name} AS country, count
