// migrate: up to $limit nodes with names for search (searchText) but no searchWords, written before
// the adapter stored them, as {uid, n: their names}, for the adapter to fill in (domain/search.ts).
MATCH (n:Entity)
WHERE n.searchText IS NOT NULL AND n.searchWords IS NULL
RETURN n.uid AS uid, n {.name, .nameKo, .aliases} AS n
LIMIT $limit
