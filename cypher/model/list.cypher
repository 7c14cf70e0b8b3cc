// list (Model): models matching $filter, ordered by $orderField (NAME | RELEASE_DATE |
// TRAINING_COST | TRAINING_COMPUTE | PARAMETERS) in direction $descending, nulls last, ties by name then uid; returns the total
// and the window [$offset, $offset + $limit).
MATCH (m:Model)
WHERE
// #include model-filter
WITH m, CASE $orderField
  WHEN 'RELEASE_DATE' THEN m.releaseDate
  WHEN 'TRAINING_COST' THEN m.trainingCostUsd
  WHEN 'TRAINING_COMPUTE' THEN m.trainingComputeFlop
  WHEN 'PARAMETERS' THEN m.parameters
  ELSE toLower(m.name) END AS sortKey
ORDER BY sortKey IS NULL,
  CASE WHEN $descending THEN sortKey END DESC,
  CASE WHEN $descending THEN null ELSE sortKey END ASC,
  toLower(m.name), m.uid
WITH collect(m) AS found
RETURN size(found) AS total, [x IN found[$offset..$offset + $limit] | properties(x)] AS items
