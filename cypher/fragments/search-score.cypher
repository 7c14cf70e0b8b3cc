// The search relevance of `node` for the query words $words ($joined: them joined by a space), the
// rule of domain/search.ts searchScore: for each of its names (a line of searchWords, its words
// separated by spaces) 0 unless every query word starts one of the name's words, else 3 when the
// name's words are the query's, 2 when they start with them, 1; the best of its names.
reduce(best = 0, s IN [name IN split(node.searchWords, '\n') |
  CASE
    WHEN NOT all(t IN $words WHERE any(w IN split(name, ' ') WHERE w STARTS WITH t)) THEN 0
    WHEN name = $joined THEN 3
    WHEN name STARTS WITH $joined THEN 2
    ELSE 1
  END] | CASE WHEN s > best THEN s ELSE best END)
