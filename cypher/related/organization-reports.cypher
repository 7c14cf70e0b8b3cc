// organization-reports: for each Organization slug in $keys, the reports it published; per parent the total and the
// window of $limit items after the sort key $after of items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Organization {slug: key})
CALL (p) {
  MATCH (p)<-[r:PUBLISHED_BY]-(t:Report)
  WITH t, r, CASE WHEN $after IS NULL THEN null ELSE {k: [coalesce(toLower(t.name), ''), t.uid, coalesce(r.key, '')]} END AS x
  // The window in the database: the items after the sort key $after (null for the first page; the
  // key is built only to compare with it), the first $limit + 1 in order (a top-k per parent, not a
  // sort of all its items), read for those only.
  WHERE $after IS NULL OR
// #include after-name
  WITH t, r ORDER BY coalesce(toLower(t.name), ''), t.uid, r.key LIMIT $limit + 1
  WITH t, r, {t: t, r: r} AS x
  RETURN collect(
// #include firsts-report
  ) AS window
}
CALL (p) {
  // The total, when asked ($total): the same items counted, neither sorted nor read; else null.
  WITH p WHERE $total
  MATCH (p)<-[r:PUBLISHED_BY]-(t:Report)
  RETURN CASE WHEN $total THEN count(*) END AS total
}
RETURN key, total, size(window) > $limit AS more, window[0..$limit] AS items
