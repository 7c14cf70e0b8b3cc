// Whether the item `x` comes after the sort key $after in SCORE_DESC: [score (descending, nulls
// last), uid, relationship key]. The score compares as [is null, -score or 0]: descending with nulls
// last, both sides written the same way. Included by `// #include after-score`.
[x.k[0] IS NULL, -coalesce(x.k[0], 0), x.k[1], x.k[2]] > [$after[0] IS NULL, -coalesce($after[0], 0), $after[1], $after[2]]
