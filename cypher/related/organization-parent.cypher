// organization-parent: for each Organization slug in $keys, the organization it is a unit of (PART_OF); per parent the total and the
// window [$offset, $offset + $limit) of items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Organization {slug: key})
CALL (p) {
  MATCH (p)-[r:PART_OF]->(t:Organization)
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t, r: r}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: properties(x.r)}] AS items
}
RETURN key, total, items
