// The grouping of modelStats over the models `m` its query matched (cypher/stats/model-stats*.cypher,
// which say the rules). Included by `// #include model-stats-groups` right after the MATCH.
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
// The measures are read through s, null unless $summaries: a selection without them reads none.
WITH m, key, ck, CASE WHEN $summaries THEN m END AS s
WITH key, ck, count(m) AS count,
  collect(CASE WHEN $models IS NULL THEN null ELSE m END) AS members,
  count(s.parameters) AS pCount, min(s.parameters) AS pMin, max(s.parameters) AS pMax, avg(s.parameters) AS pAvg, sum(s.parameters) AS pSum, percentileCont(s.parameters, 0.5) AS pMedian,
  count(s.trainingComputeFlop) AS cCount, min(s.trainingComputeFlop) AS cMin, max(s.trainingComputeFlop) AS cMax, avg(s.trainingComputeFlop) AS cAvg, sum(s.trainingComputeFlop) AS cSum, percentileCont(s.trainingComputeFlop, 0.5) AS cMedian,
  count(s.trainingCostUsd) AS tCount, min(s.trainingCostUsd) AS tMin, max(s.trainingCostUsd) AS tMax, avg(s.trainingCostUsd) AS tAvg, sum(s.trainingCostUsd) AS tSum, percentileCont(s.trainingCostUsd, 0.5) AS tMedian
ORDER BY CASE WHEN $order = 'COUNT_DESC' THEN count END DESC, ck
WITH collect({key: key, ck: ck, count: count, members: members,
  parameters: CASE WHEN $summaries THEN {count: pCount, min: pMin, max: pMax, avg: pAvg, sum: CASE WHEN pCount = 0 THEN null ELSE pSum END, median: pMedian} END,
  trainingCompute: CASE WHEN $summaries THEN {count: cCount, min: cMin, max: cMax, avg: cAvg, sum: CASE WHEN cCount = 0 THEN null ELSE cSum END, median: cMedian} END,
  trainingCost: CASE WHEN $summaries THEN {count: tCount, min: tMin, max: tMax, avg: tAvg, sum: CASE WHEN tCount = 0 THEN null ELSE tSum END, median: tMedian} END}) AS found
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
