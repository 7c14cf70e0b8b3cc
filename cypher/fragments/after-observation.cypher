// Whether the item `x` comes after the sort key $after in OBSERVATION order: [rank (ascending),
// value (descending), year (descending), uid, relationship key], nulls last in each. A nullable term
// compares as [is null, value or 0] (negated when descending), both sides written the same way.
// Included by `// #include after-observation`.
[x.k[0] IS NULL, coalesce(x.k[0], 0), x.k[1] IS NULL, -coalesce(x.k[1], 0), x.k[2] IS NULL, -coalesce(x.k[2], 0), x.k[3], x.k[4]]
  > [$after[0] IS NULL, coalesce($after[0], 0), $after[1] IS NULL, -coalesce($after[1], 0), $after[2] IS NULL, -coalesce($after[2], 0), $after[3], $after[4]]
