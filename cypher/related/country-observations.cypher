// country-observations: for each Country code in $keys, the indicator observations about it; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Country {code: key})
CALL (p) {
  MATCH (p)<-[r:OBSERVED]-(t:Indicator)
  WHERE ($filter.year IS NULL OR r.year = $filter.year)
    AND ($filter.indicator IS NULL OR t.slug = $filter.indicator)
  WITH t, r ORDER BY r.rank IS NULL, r.rank, r.value IS NULL, r.value DESC, r.year IS NULL, r.year DESC, t.uid, r.key
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t, r: r}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: properties(x.r)}] AS items
}
RETURN key, total, items
