// getNodes: the properties of the node of each uid in $uids (null where none).
UNWIND $uids AS uid
OPTIONAL MATCH (n:Entity {uid: uid})
RETURN uid, CASE WHEN n IS NULL THEN null ELSE properties(n) END AS n
