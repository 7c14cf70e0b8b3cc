// model-benchmark-results: for each Model slug in $keys, its benchmark results (on $filter.benchmark only, when given), best first; per parent the total and the
// window of $limit items after the sort key $after of items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Model {slug: key})
CALL (p) {
  MATCH (p)-[r:SCORED]->(t:Benchmark)
  WHERE $filter.benchmark IS NULL OR t.slug = $filter.benchmark
  WITH t, r, CASE WHEN $after IS NULL THEN null ELSE {k: [r.score, t.uid, coalesce(r.key, '')]} END AS x
  // The window in the database: the items after the sort key $after (null for the first page; the
  // key is built only to compare with it), the first $limit + 1 in order (a top-k per parent, not a
  // sort of all its items), read for those only.
  WHERE $after IS NULL OR
// #include after-score
  WITH t, r ORDER BY r.score IS NULL, r.score DESC, t.uid, r.key LIMIT $limit + 1
  WITH t, r, {t: t, r: r} AS x
  RETURN collect(
// #include item-properties
  ) AS window
}
CALL (p) {
  // The total, when asked ($total): the same items counted, neither sorted nor read; else null.
  WITH p WHERE $total
  MATCH (p)-[r:SCORED]->(t:Benchmark)
  WHERE $filter.benchmark IS NULL OR t.slug = $filter.benchmark
  RETURN CASE WHEN $total THEN count(*) END AS total
}
RETURN key, total, size(window) > $limit AS more, window[0..$limit] AS items
