// indicator-observations: for each Indicator slug in $keys, its observations by rank (nulls last), then value; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Indicator {slug: key})
CALL (p) {
  MATCH (p)-[r:OBSERVED]->(t:Country|Organization)
  WHERE ($filter.year IS NULL OR r.year = $filter.year)
  WITH t, r ORDER BY r.rank IS NULL, r.rank, r.value IS NULL, r.value DESC, r.year IS NULL, r.year DESC, t.uid, r.key
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t, r: r}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: properties(x.r)}] AS items
}
RETURN key, total, items
