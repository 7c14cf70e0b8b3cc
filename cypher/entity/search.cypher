// search: candidates from the full-text index for the Lucene query $query, at most $limit; the
// adapter ranks them with domain/search.ts so that both stores order hits alike.
CALL db.index.fulltext.queryNodes('searchable_names', $query, {limit: $limit}) YIELD node
RETURN properties(node) AS n
