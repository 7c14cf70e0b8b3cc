// Q3 floor: a report's omitted models: those a source claims it omitted, then (when its
// inclusions are complete) those of its scope it neither includes nor is claimed to omit; each
// with its first developer, 100 at most of each basis, by name. The in-scope candidates come from
// the same indexes as cypher/related/report-in-scope-omissions.cypher.
MATCH (r:Report {slug: $slug})
CALL (r) {
  WITH r,
    r.scopeInclusionsComplete = true AND (r.scopeReleasedFrom IS NOT NULL OR r.scopeReleasedTo IS NOT NULL) AS byPeriod,
    r.scopeInclusionsComplete = true AND r.scopeReleasedFrom IS NULL AND r.scopeReleasedTo IS NULL AS byKind
  CALL (r, byPeriod, byKind) {
    MATCH (m:Model)
    WHERE m.releaseDate >= CASE WHEN byPeriod THEN coalesce(r.scopeReleasedFrom, date({year: -999999999})) END
      AND m.releaseDate <= CASE WHEN byPeriod THEN coalesce(r.scopeReleasedTo, date({year: 999999999, month: 12, day: 31})) END
    RETURN m
    UNION
    MATCH (m:Model)
    WHERE m.modelKind = CASE WHEN byKind THEN r.scopeModelKind END
    RETURN m
  }
  WITH r, m
  WHERE NOT EXISTS { (r)-[:INCLUDES|OMITS]->(m) }
    AND (r.scopeModelKind IS NOT NULL OR r.scopeReleasedFrom IS NOT NULL OR r.scopeReleasedTo IS NOT NULL)
    AND (r.scopeModelKind IS NULL OR m.modelKind = r.scopeModelKind)
    AND (r.scopeReleasedFrom IS NULL OR m.releaseDate >= r.scopeReleasedFrom)
    AND (r.scopeReleasedTo IS NULL OR m.releaseDate <= r.scopeReleasedTo)
  WITH m ORDER BY toLower(m.name), m.uid LIMIT 100
  RETURN collect({basis: 'IN_SCOPE', claimedBy: [],
                  model: m {.slug, .name, organization: COLLECT { MATCH (m)-[d:DEVELOPED_BY]->(g:Organization) WITH g ORDER BY d.order, g.uid LIMIT 1 RETURN g.slug }[0]}}) AS inScope
}
RETURN r.slug AS slug, r.name AS name,
  COLLECT { MATCH (r)-[o:OMITS]->(m:Model) WITH o, m ORDER BY toLower(m.name), m.uid LIMIT 100
            RETURN {basis: 'CLAIMED', claimedBy: o.sources,
                    model: m {.slug, .name, organization: COLLECT { MATCH (m)-[d:DEVELOPED_BY]->(g:Organization) WITH g ORDER BY d.order, g.uid LIMIT 1 RETURN g.slug }[0]}} } AS claimed,
  inScope
