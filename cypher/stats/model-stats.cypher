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
// Without $summaries (a selection that asks for none) the groups' parameters, trainingCompute and
// trainingCost are null and no measure is read. A filter with releasedYear is answered by
// model-stats-released-in.cypher, which finds that year's models through the releaseDate index.
MATCH (m:Model)
WHERE
// #include model-filter
// #include model-stats-groups
