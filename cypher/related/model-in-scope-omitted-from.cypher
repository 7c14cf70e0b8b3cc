// model-in-scope-omitted-from: for each Model slug in $keys, the reports with complete inclusions
// whose scope holds the model but that neither include it nor are claimed to omit it; per parent
// the total and the window [$offset, $offset + $limit) of items {t: report, r: null}.
UNWIND $keys AS key
OPTIONAL MATCH (model:Model {slug: key})
CALL (model) {
  MATCH (report:Report)
  WHERE report.scopeInclusionsComplete = true
    AND NOT EXISTS { (report)-[:INCLUDES|OMITS]->(model) }
    AND
// #include in-scope
  WITH report AS t ORDER BY toLower(t.name), t.uid
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: null}] AS items
}
RETURN key, total, items
