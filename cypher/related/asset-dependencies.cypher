// asset-dependencies: for each asset slug in $keys (of any asset kind), the assets it is built from,
// narrowed by $filter.assets; per parent the total and the window [$offset, $offset + $limit) of
// items {t: target, r: relationship}.
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Entity)-[r:DEPENDS_ON]->(t:Model|Dataset|Application|UnresolvedAsset)
  WHERE p.uid IN
// #include asset-uids
    AND
// #include asset-filter
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
