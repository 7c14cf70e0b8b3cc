// country-models: for each Country code in $keys, the models whose country it is: their own country,
// else their first developer's headquarters (the rule of Model.country); per parent the total and
// the window of $limit items after the sort key $after of items {t: model, r: null}.
UNWIND $keys AS key
OPTIONAL MATCH (p:Country {code: key})
CALL (p) {
  CALL (p) {
    MATCH (m:Model)-[:ORIGINATES_IN]->(p)
    RETURN m
    UNION
    MATCH (p)<-[:HEADQUARTERED_IN]-(:Organization)<-[:DEVELOPED_BY]-(m:Model)
    RETURN m
  }
  WITH p, m
  WHERE p.code =
// #include model-country
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
