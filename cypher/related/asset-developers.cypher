// asset-developers: for each asset slug in $keys (of any asset kind), its developers in the order a
// source names them; per parent the total and the window of $limit items after the sort key $after of items
// {t: target, r: relationship}.
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Entity)-[r:DEVELOPED_BY]->(t:Organization)
  WHERE p.uid IN
// #include asset-uids
  WITH t, r, CASE WHEN $after IS NULL THEN null ELSE {k: [r.order, t.uid, coalesce(r.key, '')]} END AS x
  // The window in the database: the items after the sort key $after (null for the first page; the
  // key is built only to compare with it), the first $limit + 1 in order (a top-k per parent, not a
  // sort of all its items), read for those only.
  WHERE $after IS NULL OR
// #include after-rel-order
  WITH t, r ORDER BY r.order, t.uid, r.key LIMIT $limit + 1
  WITH t, r, {t: t, r: r} AS x
  RETURN collect(
// #include item-properties
  ) AS window
}
CALL (key) {
  // The total, when asked ($total): the same items counted, neither sorted nor read; else null.
  WITH key WHERE $total
  MATCH (p:Entity)-[r:DEVELOPED_BY]->(t:Organization)
  WHERE p.uid IN
// #include asset-uids
  RETURN CASE WHEN $total THEN count(*) END AS total
}
RETURN key, total, size(window) > $limit AS more, window[0..$limit] AS items
