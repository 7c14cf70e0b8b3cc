// A predicate on `t` (an asset) for the map parameter $filter.assets (domain/relations.ts
// AssetFilter): its kind, and the year of its release date. Included by `// #include asset-filter`.
($filter.assets IS NULL OR (
  ($filter.assets.kind IS NULL OR t.kind = $filter.assets.kind)
  AND ($filter.assets.releasedYear IS NULL OR t.releaseDate.year = $filter.assets.releasedYear)
))
