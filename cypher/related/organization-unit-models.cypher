// organization-unit-models: for each Organization slug in $keys, the models developed by it or by its
// units (PART_OF, up to 3 levels), each once, filtered by $filter.models; per parent the total and the
// window [$offset, $offset + $limit) of items {t: model, r: null}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Organization {slug: key})
CALL (p) {
  MATCH (p)<-[:PART_OF*0..3]-(:Organization)<-[:DEVELOPED_BY]-(m:Model)
  WITH DISTINCT m
  WHERE $filter.models IS NULL OR (
// #include model-filter $filter.models
  )
  WITH m AS t ORDER BY toLower(t.name), t.uid
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: null}] AS items
}
RETURN key, total, items
