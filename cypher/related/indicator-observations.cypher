// indicator-observations: for each Indicator slug in $keys, its observations by rank (nulls last), then value; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target, r: relationship}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Indicator {slug: key})
CALL (p) {
  MATCH (p)-[r:OBSERVED]->(t:Country|Organization)
  WHERE ($filter.year IS NULL OR r.year = $filter.year)
  WITH t, r ORDER BY r.rank IS NULL, r.rank, r.value IS NULL, r.value DESC, r.year IS NULL, r.year DESC, t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
