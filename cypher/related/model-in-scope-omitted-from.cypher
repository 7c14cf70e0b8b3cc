// model-in-scope-omitted-from: for each Model slug in $keys, the reports with complete inclusions
// whose scope holds the model but that neither include it nor are claimed to omit it; per parent
// the total and the window of $limit items after the sort key $after of items {t: report, r: null}.
UNWIND $keys AS key
OPTIONAL MATCH (model:Model {slug: key})
CALL (model) {
  MATCH (report:Report)
  WHERE report.scopeInclusionsComplete = true
    AND NOT EXISTS { (report)-[:INCLUDES|OMITS]->(model) }
    AND
// #include in-scope
  WITH report AS t ORDER BY coalesce(toLower(t.name), ''), t.uid
  // References sorted, with their sort keys (domain/sort-keys.ts); properties read for the window only (cypher/README.md).
  WITH collect({t: t, k: [coalesce(toLower(t.name), ''), t.uid, '']}) AS found
  // The window: the items after $after (a sort key, null for the first page), at most $limit.
  WITH found, CASE WHEN $after IS NULL THEN found ELSE [x IN found WHERE
// #include after-name
  ] END AS rest
  RETURN size(found) AS total, size(rest) > $limit AS more, [x IN rest[0..$limit] |
// #include item-properties
  ] AS items
}
RETURN key, total, more, items
