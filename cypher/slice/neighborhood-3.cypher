// neighborhood (depth 3): the nodes within 3 hop(s) of $center (relationships either way, passing
// only through nodes whose kind is in $kinds unless it is null), by hop count then uid, at most
// $limit of them; the relationships among them by source uid, target uid, type, key; and whether
// $limit cut. No row when $center does not exist. ANY SHORTEST is a breadth-first search from
// $center, so the hop count of each node is its distance; the bound must be a literal, hence one
// file per depth.
MATCH (c:Entity {uid: $center})
CALL (c) {
  MATCH p = ANY SHORTEST (c) (()-[]-(x:Entity WHERE $kinds IS NULL OR x.kind IN $kinds)){0,3} (n)
  RETURN n, length(p) AS hops
  ORDER BY hops, n.uid
  LIMIT $limit + 1
}
// #include slice-edges
