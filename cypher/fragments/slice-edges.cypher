// The end of a neighborhood query: keeps the first $limit of the rows (n, hops), in order, and
// returns them with every relationship among them; no row when there was none (no center).
WITH collect(n) AS found
WHERE size(found) > 0
WITH found[0..$limit] AS nodes, size(found) > $limit AS truncated
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN nodes
  WITH a, b, r ORDER BY a.uid, b.uid, type(r), r.key
  RETURN collect({type: type(r), from: a.uid, to: b.uid, key: r.key, r: r}) AS edges
}
RETURN nodes, edges, truncated
