// list (Model): models matching $filter, ordered by $orderField (NAME | RELEASE_DATE |
// TRAINING_COST | TRAINING_COMPUTE | PARAMETERS) in direction $descending, nulls last, ties by name
// then uid; returns the total, the window of $limit items after the sort key $after ([sort value,
// name, uid]; null for the first page) and whether more follow. The release date sorts as its ISO
// text, the form cursors carry.
MATCH (m:Model)
WHERE
// #include model-filter
WITH m, CASE $orderField
  WHEN 'RELEASE_DATE' THEN toString(m.releaseDate)
  WHEN 'TRAINING_COST' THEN m.trainingCostUsd
  WHEN 'TRAINING_COMPUTE' THEN m.trainingComputeFlop
  WHEN 'PARAMETERS' THEN m.parameters
  ELSE coalesce(toLower(m.name), '') END AS sortKey
ORDER BY sortKey IS NULL,
  CASE WHEN $descending THEN sortKey END DESC,
  CASE WHEN $descending THEN null ELSE sortKey END ASC,
  coalesce(toLower(m.name), ''), m.uid
WITH collect({n: m, k: [sortKey, coalesce(toLower(m.name), ''), m.uid]}) AS found
// After $after, nulls last in either direction: where either sort value is null or both are equal,
// [is null, name, uid] decides; otherwise the sort values do, in the order's direction.
WITH found, CASE WHEN $after IS NULL THEN found ELSE [x IN found WHERE CASE
  WHEN x.k[0] IS NULL OR $after[0] IS NULL OR x.k[0] = $after[0]
    THEN [x.k[0] IS NULL, x.k[1], x.k[2]] > [$after[0] IS NULL, $after[1], $after[2]]
  WHEN $descending THEN x.k[0] < $after[0]
  ELSE x.k[0] > $after[0] END] END AS rest
RETURN size(found) AS total, size(rest) > $limit AS more, [x IN rest[0..$limit] | properties(x.n)] AS items
