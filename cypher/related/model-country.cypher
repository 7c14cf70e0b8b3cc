// model-country: for each Model slug in $keys, its country: its own, else its first developer's
// headquarters (the rule of Model.country, one call instead of three in a row); per parent the total
// (0 or 1) and the window [$offset, $offset + $limit) of items {t: country, r: null}.
UNWIND $keys AS key
OPTIONAL MATCH (m:Model {slug: key})
CALL (m) {
  WITH m WHERE m IS NOT NULL
  WITH
// #include model-country
    AS code
  MATCH (t:Country {code: code})
  // References sorted; properties read for the window only (cypher/README.md).
  WITH collect({t: t}) AS found
  RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | {t: properties(x.t), r: null}] AS items
}
RETURN key, total, items
