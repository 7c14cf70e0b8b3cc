// report-included-models: for each Report slug in $keys, the models it includes; per parent the total and the
// window of $limit items after the sort key $after of items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Report {slug: key})
CALL (p) {
  MATCH (p)-[r:INCLUDES]->(t:Model)
  WITH t, r ORDER BY coalesce(toLower(t.name), ''), t.uid, r.key
  // References sorted, with their sort keys (domain/sort-keys.ts); properties read for the window only (cypher/README.md).
  WITH collect({t: t, r: r, k: [coalesce(toLower(t.name), ''), t.uid, coalesce(r.key, '')]}) AS found
  // The window: the items after $after (a sort key, null for the first page), at most $limit.
  WITH found, CASE WHEN $after IS NULL THEN found ELSE [x IN found WHERE
// #include after-name
  ] END AS rest
  RETURN size(found) AS total, size(rest) > $limit AS more, [x IN rest[0..$limit] |
// #include item-properties
  ] AS items
}
RETURN key, total, more, items
