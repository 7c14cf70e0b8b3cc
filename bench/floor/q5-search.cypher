// Q5 floor: full-text candidates for the Lucene query $query (the floor server ranks them with
// domain/search.ts and keeps the best 10, as the API's store does).
CALL db.index.fulltext.queryNodes('searchable_names', $query, {limit: $limit}) YIELD node
RETURN node {.kind, .slug, .code, .name, .nameKo, .aliases} AS n
