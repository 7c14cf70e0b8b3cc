// list (kinds without their own filter): nodes of $kind whose names contain $filter.nameContains,
// by name then uid; returns the total and the window [$offset, $offset + $limit).
MATCH (n:Entity)
WHERE n.kind = $kind
  AND ($filter.nameContains IS NULL OR n.searchText CONTAINS toLower($filter.nameContains))
WITH n ORDER BY toLower(n.name), n.uid
WITH collect(n) AS found
RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | properties(x)] AS items
