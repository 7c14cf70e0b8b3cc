// An item `x` of a page whose targets are Organization nodes, as item-properties gives it, and, with a
// projection, the first items of the target's one-item relations that the read asks for
// (RelatedRead.firsts; domain/relations.ts firstsCarriedBy gives them in this order). $firsts[i] is
// {props, relProps} of the i-th (what its own read projects) or null when not asked, which reads
// nothing: a CASE evaluates only its branch. Each first comes as a list of at most two items in
// item-properties' projected form, ordered as its relation's own file orders it; a second item
// says that more follow.
// Included by `// #include firsts-organization` in place of item-properties.
CASE WHEN $props IS NULL THEN
// #include item-properties
ELSE (
// #include item-properties
) + [
  // organization-country (cypher/related/organization-country.cypher)
  CASE WHEN $firsts[0] IS NULL THEN null ELSE COLLECT {
    WITH x.t AS ft
    MATCH (ft)-[fr:HEADQUARTERED_IN]->(fo:Country)
    WITH fr, fo ORDER BY coalesce(toLower(fo.name), ''), fo.uid, fr.key LIMIT 2
    RETURN CASE WHEN $firsts[0].relProps IS NULL THEN [properties(fr)] ELSE [k IN $firsts[0].relProps | fr[k]] END
      + [fo.kind, coalesce(fo.slug, fo.code)] + [k IN $firsts[0].props | fo[k]]
  } END
] END
