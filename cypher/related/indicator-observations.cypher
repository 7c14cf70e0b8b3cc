// indicator-observations: for each Indicator slug in $keys, its observations by rank (nulls last), then value; per parent the total and the
// window of $limit items after the sort key $after of items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Indicator {slug: key})
CALL (p) {
  MATCH (p)-[r:OBSERVED]->(t:Country|Organization)
  WHERE ($filter.year IS NULL OR r.year = $filter.year)
  WITH t, r ORDER BY r.rank IS NULL, r.rank, r.value IS NULL, r.value DESC, r.year IS NULL, r.year DESC, t.uid, r.key
  // References sorted, with their sort keys (domain/sort-keys.ts); properties read for the window only (cypher/README.md).
  WITH collect({t: t, r: r, k: [r.rank, r.value, r.year, t.uid, coalesce(r.key, '')]}) AS found
  // The window: the items after $after (a sort key, null for the first page), at most $limit.
  WITH found, CASE WHEN $after IS NULL THEN found ELSE [x IN found WHERE
// #include after-observation
  ] END AS rest
  RETURN size(found) AS total, size(rest) > $limit AS more, [x IN rest[0..$limit] |
// #include item-properties
  ] AS items
}
RETURN key, total, more, items
