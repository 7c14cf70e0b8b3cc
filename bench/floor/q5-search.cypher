// Q5 floor: the API's search (cypher/entity/search.cypher with its search-score fragment) written
// out: every node of the full-text index with a word starting with each of $words ($query: them as
// Lucene prefix terms), scored by domain/search.ts's rule, the best $limit.
CALL db.index.fulltext.queryNodes('search_words', $query) YIELD node
WITH node, reduce(best = 0, s IN [name IN split(node.searchWords, '\n') |
  CASE
    WHEN NOT all(t IN $words WHERE any(w IN split(name, ' ') WHERE w STARTS WITH t)) THEN 0
    WHEN name = $joined THEN 3
    WHEN name STARTS WITH $joined THEN 2
    ELSE 1
  END] | CASE WHEN s > best THEN s ELSE best END) AS score
WHERE score > 0
WITH node, score
ORDER BY score DESC, coalesce(toLower(node.name), ''), node.kind, coalesce(node.slug, node.code)
LIMIT $limit
RETURN node.kind AS kind, node.slug AS slug, node.code AS code, node.name AS name
