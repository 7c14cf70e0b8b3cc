// model-stats-released-in: model-stats.cypher (its rules, parameters and answer) for a $filter whose
// releasedYear is set: that year's models are found by the range of the releaseDate index
// (model_release_date), not by reading every model; the filter's own predicate still applies.
// releaseDate is a date (executor.ts), so the range holds exactly the dates whose year is releasedYear.
MATCH (m:Model)
WHERE m.releaseDate >= date({year: $filter.releasedYear, month: 1, day: 1})
  AND m.releaseDate < date({year: $filter.releasedYear + 1, month: 1, day: 1})
  AND
// #include model-filter
// #include model-stats-groups
