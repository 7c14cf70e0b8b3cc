// report-in-scope-omissions: for each Report slug in $keys whose inclusions are complete, the models
// inside its scope that it neither includes nor is claimed to omit; per parent the total and the
// window [$offset, $offset + $limit) of items {t: model, r: null}.
UNWIND $keys AS key
OPTIONAL MATCH (report:Report {slug: key})
CALL (report) {
  MATCH (model:Model)
  WHERE report.scopeInclusionsComplete = true
    AND NOT EXISTS { (report)-[:INCLUDES|OMITS]->(model) }
    AND
// #include in-scope
  WITH model AS t ORDER BY toLower(t.name), t.uid
  RETURN collect({t: t, r: null}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
