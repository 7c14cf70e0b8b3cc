// country-organizations: for each Country code in $keys, their organizations (headquartered there); per parent the total and the
// window [$offset, $offset + $limit) of items {t: target, r: relationship}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Country {code: key})
CALL (p) {
  MATCH (p)<-[r:HEADQUARTERED_IN]-(t:Organization)
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
