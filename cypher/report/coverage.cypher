// coverage: for each Report slug in $keys, one row per country (the model's own, else its first
// developer's; null when unknown), ordered by code: models inside the report's scope, models it
// includes, and models it omits (claimed by a source, or in scope and not included when its
// inclusions are complete).
UNWIND $keys AS key
OPTIONAL MATCH (report:Report {slug: key})
CALL (report) {
  MATCH (model:Model)
  WITH report, model,
    EXISTS { (report)-[:INCLUDES]->(model) } AS included,
    EXISTS { (report)-[:OMITS]->(model) } AS claimed,
    coalesce(
// #include in-scope
    , false) AS inScope
  WHERE included OR claimed OR inScope
  WITH model, included, inScope,
    claimed OR (inScope AND NOT included AND report.scopeInclusionsComplete = true) AS omitted
  WITH model AS m, included, inScope, omitted
  WITH
// #include model-country
    AS country, included, inScope, omitted
  WITH country,
    sum(CASE WHEN inScope THEN 1 ELSE 0 END) AS inScope,
    sum(CASE WHEN included THEN 1 ELSE 0 END) AS included,
    sum(CASE WHEN omitted THEN 1 ELSE 0 END) AS omitted
  ORDER BY country
  RETURN collect({country: country, inScope: inScope, included: included, omitted: omitted}) AS rows
}
RETURN key, rows
