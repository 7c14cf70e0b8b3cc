// The properties of the item `x`'s target `x.t` that a related page returns: all of them as a map
// when $props is null, else the values of the properties $props names, as a list in that order (a
// projection: the adapter zips them with $props). Included by `// #include target-properties`.
CASE WHEN $props IS NULL THEN properties(x.t) ELSE [k IN $props | x.t[k]] END
