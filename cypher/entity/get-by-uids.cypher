// getNodes: the node of each uid in $uids (null where none).
UNWIND $uids AS uid
OPTIONAL MATCH (n:Entity {uid: uid})
RETURN uid, n
