// model-stats: models matching $filter grouped by the dimensions of $groupBy (a list of
// COUNTRY | ORGANIZATION | PARENT_ORGANIZATION | YEAR | KIND | DOMAIN | ACCESSIBILITY | SOURCE, the
// rules of src/domain/model-stats.ts): a model counts once in each group of its values, in the
// null group of a dimension where it has none. Only the groups whose comparable keys are in
// $groups when it is not null. Per group: its key (text values; a year as "2023"), count, and
// count/min/max/avg/sum/median of parameters, training compute and training cost over the models
// that have them. Groups ordered by $order (COUNT_DESC: count descending, then key; KEY: key), key
// values compared as [is null, value] (nulls last); the window of $limit groups after
// ($afterCount, $afterKey) (null for the first page). With $models ({after: [name, uid] | null,
// limit}), each group of the window also gives its models ordered by lowercased name then uid.
MATCH (m:Model)
WHERE
// #include model-filter
WITH m, [d IN $groupBy | CASE d
    WHEN 'COUNTRY' THEN CASE WHEN EXISTS { (m)-[:ORIGINATES_IN]->(:Country) }
      THEN COLLECT { MATCH (m)-[:ORIGINATES_IN]->(c:Country) RETURN DISTINCT c.code }
      ELSE COLLECT { MATCH (m)-[:DEVELOPED_BY]->(:Organization)-[:HEADQUARTERED_IN]->(c:Country) RETURN DISTINCT c.code } END
    WHEN 'ORGANIZATION' THEN COLLECT { MATCH (m)-[:DEVELOPED_BY]->(o:Organization) RETURN DISTINCT o.slug }
    WHEN 'PARENT_ORGANIZATION' THEN COLLECT {
      MATCH (m)-[:DEVELOPED_BY]->(:Organization)-[:PART_OF*0..3]->(top:Organization)
      WHERE NOT EXISTS { (top)-[:PART_OF]->(:Organization) }
      RETURN DISTINCT top.slug }
    WHEN 'YEAR' THEN [toString(m.releaseDate.year)]
    WHEN 'KIND' THEN [m.modelKind]
    WHEN 'DOMAIN' THEN coalesce(m.domains, [])
    WHEN 'ACCESSIBILITY' THEN [coalesce(m.accessibility, m.access)]
    WHEN 'SOURCE' THEN coalesce(m.sources, [])
  END] AS dims
// Every key of the model: the cartesian product of its values (an empty list is the null group).
WITH m, reduce(keys = [[]], values IN dims |
  reduce(acc = [], k IN keys | acc + [v IN CASE WHEN size(values) = 0 THEN [null] ELSE values END | k + [v]])) AS keys
UNWIND keys AS key
WITH DISTINCT m, key, [v IN key | [v IS NULL, coalesce(v, '')]] AS ck
WHERE $groups IS NULL OR ck IN $groups
WITH key, ck, count(m) AS count,
  collect(CASE WHEN $models IS NULL THEN null ELSE m END) AS members,
  count(m.parameters) AS pCount, min(m.parameters) AS pMin, max(m.parameters) AS pMax, avg(m.parameters) AS pAvg, sum(m.parameters) AS pSum, percentileCont(m.parameters, 0.5) AS pMedian,
  count(m.trainingComputeFlop) AS cCount, min(m.trainingComputeFlop) AS cMin, max(m.trainingComputeFlop) AS cMax, avg(m.trainingComputeFlop) AS cAvg, sum(m.trainingComputeFlop) AS cSum, percentileCont(m.trainingComputeFlop, 0.5) AS cMedian,
  count(m.trainingCostUsd) AS tCount, min(m.trainingCostUsd) AS tMin, max(m.trainingCostUsd) AS tMax, avg(m.trainingCostUsd) AS tAvg, sum(m.trainingCostUsd) AS tSum, percentileCont(m.trainingCostUsd, 0.5) AS tMedian
ORDER BY CASE WHEN $order = 'COUNT_DESC' THEN count END DESC, ck
WITH collect({key: key, ck: ck, count: count, members: members,
  parameters: {count: pCount, min: pMin, max: pMax, avg: pAvg, sum: CASE WHEN pCount = 0 THEN null ELSE pSum END, median: pMedian},
  trainingCompute: {count: cCount, min: cMin, max: cMax, avg: cAvg, sum: CASE WHEN cCount = 0 THEN null ELSE cSum END, median: cMedian},
  trainingCost: {count: tCount, min: tMin, max: tMax, avg: tAvg, sum: CASE WHEN tCount = 0 THEN null ELSE tSum END, median: tMedian}}) AS found
WITH found, CASE WHEN $afterKey IS NULL THEN found ELSE [g IN found WHERE CASE $order
  WHEN 'COUNT_DESC' THEN g.count < $afterCount OR (g.count = $afterCount AND g.ck > $afterKey)
  ELSE g.ck > $afterKey END] END AS rest
WITH size(found) AS total, size(rest) > $limit AS more, rest[0..$limit] AS window
CALL (window) {
  UNWIND window AS g
  CALL (g) {
    UNWIND CASE WHEN $models IS NULL THEN [] ELSE g.members END AS t
    WITH t ORDER BY coalesce(toLower(t.name), ''), t.uid
    WITH collect({t: t, k: [coalesce(toLower(t.name), ''), t.uid]}) AS found
    WITH found, CASE WHEN $models.after IS NULL THEN found ELSE [x IN found WHERE [x.k[0], x.k[1]] > [$models.after[0], $models.after[1]]] END AS rest
    RETURN size(rest) > $models.limit AS modelsMore, [x IN rest[0..$models.limit] | properties(x.t)] AS models
  }
  RETURN collect({key: g.key, count: g.count, parameters: g.parameters, trainingCompute: g.trainingCompute, trainingCost: g.trainingCost,
    models: CASE WHEN $models IS NULL THEN null ELSE {items: models, more: modelsMore} END}) AS items
}
RETURN total, more, items
