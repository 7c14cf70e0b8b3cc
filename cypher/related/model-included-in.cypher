// model-included-in: for each Model slug in $keys, the reports that include it; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target, r: relationship}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Model {slug: key})
CALL (p) {
  MATCH (p)<-[r:INCLUDES]-(t:Report)
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
