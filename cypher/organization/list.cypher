// list (Organization): organizations filtered by $filter {countryCode, kind, nameContains},
// by name then uid; returns the total and the window [$offset, $offset + $limit).
MATCH (n:Organization)
WHERE ($filter.nameContains IS NULL OR n.searchText CONTAINS toLower($filter.nameContains))
  AND ($filter.kind IS NULL OR n.orgKind = $filter.kind)
  AND ($filter.countryCode IS NULL OR EXISTS { (n)-[:HEADQUARTERED_IN]->(:Country {code: $filter.countryCode}) })
WITH n ORDER BY toLower(n.name), n.uid
WITH collect(n) AS found
RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | properties(x)] AS items
