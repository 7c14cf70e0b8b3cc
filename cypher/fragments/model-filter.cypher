// A predicate on `m` (a Model) for the map parameter $filter (domain/relations.ts ModelFilter).
// Included by `// #include model-filter`. The country is the model's own, else its first developer's.
($filter.nameContains IS NULL OR m.searchText CONTAINS toLower($filter.nameContains))
AND ($filter.releasedYear IS NULL OR m.releaseDate.year = $filter.releasedYear)
AND ($filter.releasedAfter IS NULL OR m.releaseDate > $filter.releasedAfter)
AND ($filter.releasedBefore IS NULL OR m.releaseDate < $filter.releasedBefore)
AND ($filter.organizationSlug IS NULL OR EXISTS { (m)-[:DEVELOPED_BY]->(:Organization {slug: $filter.organizationSlug}) })
AND ($filter.countryCode IS NULL OR $filter.countryCode =
// #include model-country
)
AND ($filter.domain IS NULL OR any(d IN coalesce(m.domains, []) WHERE toLower(d) = toLower($filter.domain)))
AND ($filter.notable IS NULL OR coalesce(m.notable, false) = $filter.notable)
AND ($filter.computeMin IS NULL OR m.trainingComputeFlop >= $filter.computeMin)
AND ($filter.computeMax IS NULL OR m.trainingComputeFlop <= $filter.computeMax)
AND ($filter.parametersMin IS NULL OR m.parameters >= $filter.parametersMin)
AND ($filter.parametersMax IS NULL OR m.parameters <= $filter.parametersMax)
AND ($filter.listedBy IS NULL OR $filter.listedBy IN coalesce(m.sources, []))
