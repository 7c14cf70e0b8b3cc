// asset-dependencies: for each asset slug in $keys (of any asset kind), the assets it is built from,
// narrowed by $filter.assets; per parent the total and the window [$offset, $offset + $limit) of
// items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Entity)-[r:DEPENDS_ON]->(t:Model|Dataset|Application|UnresolvedAsset)
  WHERE p.uid IN
// #include asset-uids
    AND
// #include asset-filter
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t, r: r}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: properties(x.r)}] AS items
}
RETURN key, total, items
