// asset-developers: for each asset slug in $keys (of any asset kind), its developers in the order a
// source names them; per parent the total and the window [$offset, $offset + $limit) of items
// {t: target, r: relationship}.
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Entity)-[r:DEVELOPED_BY]->(t:Organization)
  WHERE p.uid IN
// #include asset-uids
  WITH t, r ORDER BY r.order, t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
