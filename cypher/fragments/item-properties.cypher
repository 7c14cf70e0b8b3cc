// One item `x` of a related page as the adapter reads it: {r: the relationship's properties, t: the
// target's}. With $props null, both whole (maps). With $props, a projection: the target as the list
// of the values of the properties $props names, in that order (the adapter zips them with $props),
// and of the relationship only what sort keys and cursors read (domain/sort-keys.ts relatedSortKey):
// a projected page builds entity objects from its targets and nothing else from its relationships.
// Items of derived relations have no relationship (`x.r` is null). Included by `// #include item-properties`.
{
  r: CASE WHEN x.r IS NULL THEN null WHEN $props IS NULL THEN properties(x.r) ELSE {key: x.r.key, order: x.r.order, score: x.r.score, rank: x.r.rank, value: x.r.value, year: x.r.year} END,
  t: CASE WHEN $props IS NULL THEN properties(x.t) ELSE [k IN $props | x.t[k]] END
}
