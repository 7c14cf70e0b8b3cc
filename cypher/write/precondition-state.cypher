// write: inside a write's transaction, before its batch: for each uid of $uids, takes the node's
// write lock (MERGE creates a missing node first, under the lock of its uid in the uniqueness
// constraint, so that concurrent creations of one node queue as well) and returns its properties
// (null when it did not exist) and its outgoing relationships of the types in $types: the state the
// write's preconditions are checked against (domain/preconditions.ts). The batch writes every such
// node, so none is left without its kind.
UNWIND $uids AS uid
MERGE (n:Entity {uid: uid})
SET n._lock = true
REMOVE n._lock
RETURN uid,
       CASE WHEN n.kind IS NULL THEN null ELSE properties(n) END AS props,
       [(n)-[r]->(t:Entity) WHERE type(r) IN $types | {type: type(r), to: t.uid}] AS out
