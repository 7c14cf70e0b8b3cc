// model-developers: for each Model slug in $keys, its developers in the order a source names them; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target, r: relationship}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Model {slug: key})
CALL (p) {
  MATCH (p)-[r:DEVELOPED_BY]->(t:Organization)
  WITH t, r ORDER BY r.order, t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
