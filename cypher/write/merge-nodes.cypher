// write: merges each of $nodes ({uid, kind, props}) by uid, gives it its kind label and sets its
// properties, adding its sources to those it had; returns how many were created and how many changed.
UNWIND $nodes AS n
MERGE (x:Entity {uid: n.uid})
WITH x, n, x.kind IS NULL AS created, properties(x) AS before
SET x:$(n.kind), x += n.props
SET x.sources = coalesce(before.sources, []) + [s IN coalesce(n.props.sources, []) WHERE NOT s IN coalesce(before.sources, [])]
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND before <> properties(x) THEN 1 ELSE 0 END) AS updated
