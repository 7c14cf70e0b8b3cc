// country-observations: for each Country code in $keys, the indicator observations about it; per parent the total and the
// window of $limit items after the sort key $after of items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Country {code: key})
CALL (p) {
  MATCH (p)<-[r:OBSERVED]-(t:Indicator)
  WHERE ($filter.year IS NULL OR r.year = $filter.year)
    AND ($filter.indicator IS NULL OR t.slug = $filter.indicator)
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
