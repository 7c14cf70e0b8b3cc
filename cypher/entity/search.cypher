// search: the nodes whose names match the query words $words (domain/search.ts searchScore;
// $joined: the words joined by a space), best first as compareHits orders them (score, lowercased
// name, kind, key), at most $limit, as {n: properties, score}. The full-text index (whitespace
// analyzer over searchWords) only finds candidates, every node with a word starting with each
// query word ($query: the words as required Lucene prefix terms), all of them: the answer does not
// depend on Lucene's relevance, and is the embedded store's. Only the hits' properties are read:
// all of them as a map with $props null, else one list, [kind, key, the values of $props...], as
// fragments/item-properties.cypher projects a related item.
CALL db.index.fulltext.queryNodes('search_words', $query) YIELD node
WITH node,
// #include search-score
  AS score
WHERE score > 0
WITH node, score
ORDER BY score DESC, coalesce(toLower(node.name), ''), node.kind, coalesce(node.slug, node.code)
LIMIT $limit
RETURN CASE WHEN $props IS NULL THEN properties(node) ELSE [node.kind, coalesce(node.slug, node.code)] + [k IN $props | node[k]] END AS n, score
