// country-models: for each Country code in $keys, the models whose country it is: their own country,
// else their first developer's headquarters (the rule of Model.country); per parent the total and
// the window [$offset, $offset + $limit) of items {t: model, r: null}.
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
  WITH m AS t ORDER BY toLower(t.name), t.uid
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: null}] AS items
}
RETURN key, total, items
