// asset-developers: for each asset slug in $keys (of any asset kind), its developers in the order a
// source names them; per parent the total and the window [$offset, $offset + $limit) of items
// {t: target, r: relationship}.
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Entity)-[r:DEVELOPED_BY]->(t:Organization)
  WHERE p.uid IN
// #include asset-uids
  WITH t, r ORDER BY r.order, t.uid, r.key
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t, r: r}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: properties(x.r)}] AS items
}
RETURN key, total, items
