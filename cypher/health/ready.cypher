// ready: one node's uid, read through the uid index (entity_uid), as a request's reads do. Neo4j is
// ready when this answers: an open Bolt port is not enough (its databases may still be starting).
MATCH (n:Entity)
WHERE n.uid IS NOT NULL
RETURN n.uid AS uid
ORDER BY n.uid
LIMIT 1
