// snapshot: every node by uid, and every relationship by source uid, target uid, type, key.
CALL () {
  MATCH (n:Entity)
  WITH n ORDER BY n.uid
  RETURN collect(n) AS nodes
}
CALL () {
  MATCH (a:Entity)-[r]->(b:Entity)
  WITH a, b, r ORDER BY a.uid, b.uid, type(r), r.key
  RETURN collect({type: type(r), from: a.uid, to: b.uid, key: r.key, r: r}) AS edges
}
RETURN nodes, edges
