// path: a shortest path of at most $maxHops hops from $from to $to (relationships either way) as
// its nodes in order and one relationship per hop; among shortest paths the one whose node uids,
// then (type, key) per hop, are least, so that both stores give the same one. No row when an end
// is missing or no path is that short. The bound must be a literal: 6 is SLICE_LIMITS.maxHops.
MATCH (a:Entity {uid: $from}), (b:Entity {uid: $to})
MATCH p = ALL SHORTEST (a)-[]-{0,6}(b)
WHERE length(p) <= $maxHops
WITH p
ORDER BY [n IN nodes(p) | n.uid], [r IN relationships(p) | [type(r), r.key]]
LIMIT 1
RETURN nodes(p) AS nodes,
       [r IN relationships(p) | {type: type(r), from: startNode(r).uid, to: endNode(r).uid, key: r.key, r: r}] AS edges
