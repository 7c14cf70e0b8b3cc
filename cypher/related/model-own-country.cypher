// model-own-country: for each Model slug in $keys, its own country (not its developer's); per parent the total and the
// window [$offset, $offset + $limit) of items {t: target, r: relationship}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Model {slug: key})
CALL (p) {
  MATCH (p)-[r:ORIGINATES_IN]->(t:Country)
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
