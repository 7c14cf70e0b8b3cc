// list (kinds without their own filter): nodes of $kind whose names contain $filter.nameContains,
// by name then uid; returns the total and the window of $limit items after the sort key $after
// ([name, uid]; null for the first page), and whether more follow.
MATCH (n:Entity)
WHERE n.kind = $kind
  AND ($filter.nameContains IS NULL OR n.searchText CONTAINS toLower($filter.nameContains))
WITH n ORDER BY coalesce(toLower(n.name), ''), n.uid
WITH collect({n: n, k: [coalesce(toLower(n.name), ''), n.uid]}) AS found
WITH found, CASE WHEN $after IS NULL THEN found ELSE [x IN found WHERE
// #include after-name
] END AS rest
RETURN size(found) AS total, size(rest) > $limit AS more, [x IN rest[0..$limit] | properties(x.n)] AS items
