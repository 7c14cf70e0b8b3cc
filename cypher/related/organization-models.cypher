// organization-models: for each Organization slug in $keys, the models it developed; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target, r: relationship}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Organization {slug: key})
CALL (p) {
  MATCH (p)<-[r:DEVELOPED_BY]-(m:Model)
  WHERE $filter.models IS NULL OR (
// #include model-filter $filter.models
  )
  WITH m AS t, r
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  RETURN collect({t: t, r: r}) AS found
}
RETURN key, size(found) AS total, found[$offset..$offset + $limit] AS items
