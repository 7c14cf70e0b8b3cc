// hardware-models: for each Hardware slug in $keys, the models trained on it (TRAINED_ON, with the quantity), filtered by $filter.models; per parent the total and the
// window [$offset, $offset + $limit) of items {t: target's properties, r: relationship's properties}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Hardware {slug: key})
CALL (p) {
  MATCH (p)<-[r:TRAINED_ON]-(m:Model)
  WHERE $filter.models IS NULL OR (
// #include model-filter $filter.models
  )
  WITH m AS t, r
  WITH t, r ORDER BY toLower(t.name), t.uid, r.key
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t, r: r}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: properties(x.r)}] AS items
}
RETURN key, total, items
