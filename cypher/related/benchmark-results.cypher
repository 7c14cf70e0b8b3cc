// benchmark-results: for each Benchmark slug in $keys, its results (of models, and of placeholders for models the graph does not know), best first; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Benchmark {slug: key})
CALL (p) {
  MATCH (p)<-[r:SCORED]-(t)
  WHERE t:Model OR t:UnresolvedAsset
  WITH t, r ORDER BY r.score IS NULL, r.score DESC, t.uid, r.key
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t, r: r}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: properties(x.r)}] AS items
}
RETURN key, total, items
