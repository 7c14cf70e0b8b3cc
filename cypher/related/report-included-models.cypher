// report-included-models: for each Report slug in $keys, the models it includes; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target, r: relationship}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Report {slug: key})
CALL (p) {
  MATCH (p)-[r:INCLUDES]->(t:Model)
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
