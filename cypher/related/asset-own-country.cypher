// asset-own-country: for each asset slug in $keys (of any asset kind), the countries a source gives
// as its own (not its developer's); per parent the total and the window of $limit items after the sort key $after
// of items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Entity)-[r:ORIGINATES_IN]->(t:Country)
  WHERE p.uid IN
// #include asset-uids
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
