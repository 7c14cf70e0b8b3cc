// organization-observations: for each Organization slug in $keys, the indicator observations about it; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target, r: relationship}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Organization {slug: key})
CALL (p) {
  MATCH (p)<-[r:OBSERVED]-(t:Indicator)
  WHERE ($filter.year IS NULL OR r.year = $filter.year)
    AND ($filter.indicator IS NULL OR t.slug = $filter.indicator)
  WITH t, r ORDER BY r.rank IS NULL, r.rank, r.value IS NULL, r.value DESC, r.year IS NULL, r.year DESC, t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
