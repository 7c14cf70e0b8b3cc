// One item `x` of a related page as the adapter reads it. With $props null, a map of the whole
// relationship and target: {r: its properties (null for a derived relation, whose items have no
// relationship), t: the target's}. With $props, a projection as one list: the values of the
// relationship properties $relProps names (what the caller reads of it, e.g. what orders the
// relation; all of them as one map when $relProps is null), the target's kind and key, then the
// values of the target properties $props names; the adapter zips them back (neo4j-store.ts). A
// list of values decodes without a key string per value.
// Included by `// #include item-properties`.
CASE WHEN $props IS NULL THEN {r: CASE WHEN x.r IS NULL THEN null ELSE properties(x.r) END, t: properties(x.t)}
ELSE CASE WHEN $relProps IS NULL THEN [CASE WHEN x.r IS NULL THEN null ELSE properties(x.r) END] ELSE [k IN $relProps | x.r[k]] END
  + [x.t.kind, coalesce(x.t.slug, x.t.code)] + [k IN $props | x.t[k]] END
