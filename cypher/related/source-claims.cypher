// source-claims: for each Source slug in $keys, the claims it makes about assets, by asset name, then
// claim key (property:value); per parent the total and the window [$offset, $offset + $limit) of
// items {t: asset, r: claim}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Source {slug: key})
CALL (p) {
  MATCH (p)-[r:CLAIMS]->(t:Model|Dataset|Application|UnresolvedAsset)
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t, r: r}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: properties(x.r)}] AS items
}
RETURN key, total, items
