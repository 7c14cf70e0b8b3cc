// Whether the item `x` of a sorted list comes after the sort key $after, for keys whose terms are all
// ascending and never null: [name, uid, relationship key] (TARGET_NAME) or [name, uid] (lists by
// name). Lists compare term by term. Included by `// #include after-name`.
x.k > $after
