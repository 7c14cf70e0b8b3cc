// organization-unit-models: for each Organization slug in $keys, the models developed by it or by its
// units (PART_OF, up to 3 levels), each once, filtered by $filter.models; per parent the total and the
// window of $limit items after the sort key $after of items {t: model, r: null}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Organization {slug: key})
CALL (p) {
  MATCH (p)<-[:PART_OF*0..3]-(:Organization)<-[:DEVELOPED_BY]-(m:Model)
  WITH DISTINCT m
  WHERE $filter.models IS NULL OR (
// #include model-filter $filter.models
  )
  WITH m AS t ORDER BY coalesce(toLower(t.name), ''), t.uid
  // References sorted, with their sort keys (domain/sort-keys.ts); properties read for the window only (cypher/README.md).
  WITH collect({t: t, k: [coalesce(toLower(t.name), ''), t.uid, '']}) AS found
  // The window: the items after $after (a sort key, null for the first page), at most $limit.
  WITH found, CASE WHEN $after IS NULL THEN found ELSE [x IN found WHERE
// #include after-name
  ] END AS rest
  RETURN size(found) AS total, size(rest) > $limit AS more, [x IN rest[0..$limit] |
// #include firsts-model
  ] AS items
}
RETURN key, total, more, items
