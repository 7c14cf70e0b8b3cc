// organization-reports: for each Organization slug in $keys, the reports it published; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target, r: relationship}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Organization {slug: key})
CALL (p) {
  MATCH (p)<-[r:PUBLISHED_BY]-(t:Report)
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
