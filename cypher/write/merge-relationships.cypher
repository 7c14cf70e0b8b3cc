// write: merges each of $rels ({type, from, to, key, props}) by (type, ends, key) and sets its
// properties, adding its sources to those it had; returns how many were created and how many changed,
// and the uids of missing ends. The adapter runs it once per relationship type with `$(r.type)` replaced
// by that type, so that the planner expands between the two ends instead of scanning every
// relationship (neo4j-store.ts).
UNWIND $rels AS r
OPTIONAL MATCH (a:Entity {uid: r.from})
OPTIONAL MATCH (b:Entity {uid: r.to})
WITH r, a, b
CALL (r, a, b) {
  WITH r, a, b WHERE a IS NOT NULL AND b IS NOT NULL
  MERGE (a)-[x:$(r.type) {key: r.key}]->(b)
  WITH x, r, x.sources IS NULL AS created, properties(x) AS before
  SET x += r.props
  SET x.sources = coalesce(before.sources, []) + [s IN coalesce(r.props.sources, []) WHERE NOT s IN coalesce(before.sources, [])]
  RETURN CASE WHEN created THEN 1 ELSE 0 END AS created,
         CASE WHEN NOT created AND before <> properties(x) THEN 1 ELSE 0 END AS updated
  UNION ALL
  WITH r, a, b WHERE a IS NULL OR b IS NULL
  RETURN 0 AS created, 0 AS updated
}
RETURN sum(created) AS created, sum(updated) AS updated,
       [m IN collect(CASE WHEN a IS NULL THEN r.from WHEN b IS NULL THEN r.to END) WHERE m IS NOT NULL] AS missing
