// Q3 floor: a report's omitted models: those a source claims it omitted, then (when its
// inclusions are complete) those of its scope it neither includes nor is claimed to omit; each
// with its first developer, 100 at most of each basis, by name.
MATCH (r:Report {slug: $slug})
RETURN r.slug AS slug, r.name AS name,
  COLLECT { MATCH (r)-[o:OMITS]->(m:Model) WITH o, m ORDER BY toLower(m.name), m.uid LIMIT 100
            RETURN {basis: 'CLAIMED', claimedBy: o.sources,
                    model: m {.slug, .name, organization: COLLECT { MATCH (m)-[d:DEVELOPED_BY]->(g:Organization) WITH g ORDER BY d.order, g.uid LIMIT 1 RETURN g.slug }[0]}} } AS claimed,
  COLLECT { MATCH (m:Model)
            WHERE r.scopeInclusionsComplete = true
              AND NOT EXISTS { (r)-[:INCLUDES|OMITS]->(m) }
              AND (r.scopeModelKind IS NOT NULL OR r.scopeReleasedFrom IS NOT NULL OR r.scopeReleasedTo IS NOT NULL)
              AND (r.scopeModelKind IS NULL OR m.modelKind = r.scopeModelKind)
              AND (r.scopeReleasedFrom IS NULL OR m.releaseDate >= r.scopeReleasedFrom)
              AND (r.scopeReleasedTo IS NULL OR m.releaseDate <= r.scopeReleasedTo)
            WITH m ORDER BY toLower(m.name), m.uid LIMIT 100
            RETURN {basis: 'IN_SCOPE', claimedBy: [],
                    model: m {.slug, .name, organization: COLLECT { MATCH (m)-[d:DEVELOPED_BY]->(g:Organization) WITH g ORDER BY d.order, g.uid LIMIT 1 RETURN g.slug }[0]}} } AS inScope
