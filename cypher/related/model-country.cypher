// model-country: for each Model slug in $keys, its country: its own, else its first developer's
// headquarters (the rule of Model.country, one call instead of three in a row); per parent the total
// (0 or 1) and the window of $limit items after the sort key $after of items {t: country, r: null}.
UNWIND $keys AS key
OPTIONAL MATCH (m:Model {slug: key})
CALL (m) {
  WITH m WHERE m IS NOT NULL
  WITH
// #include model-country
    AS code
  MATCH (t:Country {code: code})
  // References sorted, with their sort keys (domain/sort-keys.ts); properties read for the window only (cypher/README.md).
  WITH collect({t: t, k: [coalesce(toLower(t.name), ''), t.uid, '']}) AS found
  // The window: the items after $after (a sort key, null for the first page), at most $limit.
  WITH found, CASE WHEN $after IS NULL THEN found ELSE [x IN found WHERE
// #include after-name
  ] END AS rest
  RETURN size(found) AS total, size(rest) > $limit AS more, [x IN rest[0..$limit] |
// #include item-properties
  ] AS items
}
RETURN key, total, more, items
