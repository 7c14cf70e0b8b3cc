// Whether the item `x` comes after the sort key $after in REL_ORDER: [order (ascending, nulls last),
// uid, relationship key]. A nullable term compares as [is null, value or 0], so nulls sort last;
// both sides are written the same way. Included by `// #include after-rel-order`.
[x.k[0] IS NULL, coalesce(x.k[0], 0), x.k[1], x.k[2]] > [$after[0] IS NULL, coalesce($after[0], 0), $after[1], $after[2]]
