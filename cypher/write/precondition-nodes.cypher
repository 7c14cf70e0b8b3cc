// write: inside a write's transaction, before its batch: the element id of each node of $uids (null
// when missing). A read-only statement, so that finding the nodes takes no shared locks: a lock
// taken by write/precondition-state then goes straight to exclusive (two writes that each held a
// shared lock and waited to upgrade it deadlocked).
UNWIND $uids AS uid
OPTIONAL MATCH (n:Entity {uid: uid})
RETURN uid, elementId(n) AS id
