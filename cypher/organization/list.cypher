// list (Organization): organizations filtered by $filter {countryCode, kind, nameContains},
// by name then uid; returns the total and the window of $limit items after the sort key $after
// ([name, uid]; null for the first page), and whether more follow.
MATCH (n:Organization)
WHERE ($filter.nameContains IS NULL OR n.searchText CONTAINS toLower($filter.nameContains))
  AND ($filter.kind IS NULL OR n.orgKind = $filter.kind)
  AND ($filter.countryCode IS NULL OR EXISTS { (n)-[:HEADQUARTERED_IN]->(:Country {code: $filter.countryCode}) })
WITH n ORDER BY coalesce(toLower(n.name), ''), n.uid
WITH collect({n: n, k: [coalesce(toLower(n.name), ''), n.uid]}) AS found
WITH found, CASE WHEN $after IS NULL THEN found ELSE [x IN found WHERE
// #include after-name
] END AS rest
RETURN size(found) AS total, size(rest) > $limit AS more, [x IN rest[0..$limit] | properties(x.n)] AS items
