// Q2 floor: 20 countries from $offset by name, 20 organizations of each, 20 models of each.
MATCH (c:Country)
WITH c ORDER BY toLower(c.name), c.uid SKIP $offset LIMIT 20
RETURN c.code AS code, c.name AS name,
  COLLECT { MATCH (c)<-[:HEADQUARTERED_IN]-(o:Organization) WITH o ORDER BY toLower(o.name), o.uid LIMIT 20
            RETURN o {.slug, .name, models: COLLECT { MATCH (o)<-[:DEVELOPED_BY]-(m:Model) WITH m ORDER BY toLower(m.name), m.uid LIMIT 20
                                                      RETURN m {.slug, .name} }} } AS organizations
