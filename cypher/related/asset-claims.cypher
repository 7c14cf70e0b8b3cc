// asset-claims: for each asset slug in $keys (of any asset kind), the claims sources make about it
// beside the values it holds, by source name, then claim key (property:value); per parent the total
// and the window [$offset, $offset + $limit) of items {t: source, r: claim}.
UNWIND $keys AS key
CALL (key) {
  MATCH (p:Entity)<-[r:CLAIMS]-(t:Source)
  WHERE p.uid IN
// #include asset-uids
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t, r: r}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: properties(x.r)}] AS items
}
RETURN key, total, items
