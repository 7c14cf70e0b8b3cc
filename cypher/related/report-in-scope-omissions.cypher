// report-in-scope-omissions: for each Report slug in $keys whose inclusions are complete, the models
// inside its scope that it neither includes nor is claimed to omit; per parent the total and the
// window of $limit items after the sort key $after of items {t: model, r: null}.
// The candidates come from an index, not from every model: the models of the scope's release period
// (index on Model.releaseDate), or, for a scope without a period, of its model kind (Model.modelKind).
// A bound or kind that does not apply is null, and an index seek for null finds nothing.
UNWIND $keys AS key
OPTIONAL MATCH (report:Report {slug: key})
CALL (report) {
  WITH report,
    report.scopeInclusionsComplete = true AND (report.scopeReleasedFrom IS NOT NULL OR report.scopeReleasedTo IS NOT NULL) AS byPeriod,
    report.scopeInclusionsComplete = true AND report.scopeReleasedFrom IS NULL AND report.scopeReleasedTo IS NULL AS byKind
  CALL (report, byPeriod, byKind) {
    MATCH (model:Model)
    WHERE model.releaseDate >= CASE WHEN byPeriod THEN coalesce(report.scopeReleasedFrom, date({year: -999999999})) END
      AND model.releaseDate <= CASE WHEN byPeriod THEN coalesce(report.scopeReleasedTo, date({year: 999999999, month: 12, day: 31})) END
    RETURN model
    UNION
    MATCH (model:Model)
    WHERE model.modelKind = CASE WHEN byKind THEN report.scopeModelKind END
    RETURN model
  }
  WITH report, model
  WHERE NOT EXISTS { (report)-[:INCLUDES|OMITS]->(model) }
    AND
// #include in-scope
  WITH model AS t ORDER BY coalesce(toLower(t.name), ''), t.uid
  // References sorted, with their sort keys (domain/sort-keys.ts); properties read for the window only (cypher/README.md).
  WITH collect({t: t, k: [coalesce(toLower(t.name), ''), t.uid, '']}) AS found
  // The window: the items after $after (a sort key, null for the first page), at most $limit.
  WITH found, CASE WHEN $after IS NULL THEN found ELSE [x IN found WHERE
// #include after-name
  ] END AS rest
  RETURN size(found) AS total, size(rest) > $limit AS more, [x IN rest[0..$limit] |
// #include firsts-model
  ] AS items
}
RETURN key, total, more, items
