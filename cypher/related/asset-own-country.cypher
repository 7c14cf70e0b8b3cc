// asset-own-country: for each asset slug in $keys (of any asset kind), the countries a source gives
// as its own (not its developer's); per parent the total and the window [$offset, $offset + $limit)
// of items {t: target, r: relationship}.
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Entity)-[r:ORIGINATES_IN]->(t:Country)
  WHERE p.uid IN
// #include asset-uids
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
