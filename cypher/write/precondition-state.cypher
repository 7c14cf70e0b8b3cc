// write: inside a write's transaction, before its batch: for each of $nodes ({uid, id, written}:
// every node the write touches, in uid order so that two writes never lock in opposite orders, with
// its element id from write/precondition-nodes), takes the node's write lock and returns its
// properties (null when it does not exist) and its outgoing relationships {type, to, key, props} of
// the $anyTarget types and, to the uids of $targets, of the $pair types: the state the write's
// preconditions are checked against (domain/preconditions.ts). A missing node the batch writes is
// MERGEd first, under the lock of its uid in the uniqueness constraint, so that concurrent creations
// of one node queue too (the batch then gives it its kind); a missing node it does not write stays
// missing.
UNWIND $nodes AS p
CALL (p) {
  WITH p WHERE p.id IS NOT NULL
  MATCH (n) WHERE elementId(n) = p.id
  SET n._lock = true
  REMOVE n._lock
  RETURN n
  UNION ALL
  WITH p WHERE p.id IS NULL AND p.written
  MERGE (n:Entity {uid: p.uid})
  RETURN n
  UNION ALL
  WITH p WHERE p.id IS NULL AND NOT p.written
  RETURN null AS n
}
RETURN p.uid AS uid,
       CASE WHEN n IS NULL OR n.kind IS NULL THEN null ELSE properties(n) END AS props,
       CASE WHEN n IS NULL THEN [] ELSE
         [(n)-[r]->(t:Entity) WHERE type(r) IN $anyTarget OR (type(r) IN $pair AND t.uid IN $targets)
          | {type: type(r), to: t.uid, key: r.key, props: properties(r)}]
       END AS out
