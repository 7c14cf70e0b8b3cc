// source-claims: for each Source slug in $keys, the claims it makes about assets, by asset name, then
// claim key (property:value); per parent the total and the window of $limit items after the sort key $after of
// items {t: asset, r: claim}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Source {slug: key})
CALL (p) {
  MATCH (p)-[r:CLAIMS]->(t:Model|Dataset|Application|UnresolvedAsset)
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
