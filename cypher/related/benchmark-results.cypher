// benchmark-results: for each Benchmark slug in $keys, its results, best first; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target, r: relationship}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Benchmark {slug: key})
CALL (p) {
  MATCH (p)<-[r:SCORED]-(t:Model)
  WITH t, r ORDER BY r.score IS NULL, r.score DESC, t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
