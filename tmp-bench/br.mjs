import neo4j from "neo4j-driver";
const driver = neo4j.driver(process.env.NEO4J_URI);
const run = async (q, p) => { const ss = driver.session({ defaultAccessMode: neo4j.session.READ }); try { return (await ss.run(q, p)).records; } finally { await ss.close(); } };
const keys = (await run(`MATCH (b:Benchmark) RETURN b.slug AS s LIMIT 10`, {})).map((r) => r.get("s"));
const P = ["uid", "kind", "slug", "code", "name"];
const now = `UNWIND $keys AS key OPTIONAL MATCH (p:Benchmark {slug: key}) CALL (p) {
  MATCH (p)<-[r:SCORED]-(t) WHERE t:Model OR t:UnresolvedAsset
  WITH t, r ORDER BY r.score IS NULL, r.score DESC, t.uid, r.key
  WITH collect({t: t, r: r, k: [r.score, t.uid, coalesce(r.key, '')]}) AS found
  WITH found, CASE WHEN $after IS NULL THEN found ELSE [x IN found WHERE [x.k[0] IS NULL, -coalesce(x.k[0], 0), x.k[1], x.k[2]] > [$after[0] IS NULL, -coalesce($after[0], 0), $after[1], $after[2]]] END AS rest
  RETURN size(found) AS total, size(rest) > $limit AS more, [x IN rest[0..$limit] | {r: properties(x.r), t: [k IN $props | x.t[k]]}] AS items }
RETURN key, total, more, items`;
const lim = `UNWIND $keys AS key OPTIONAL MATCH (p:Benchmark {slug: key}) CALL (p) {
  MATCH (p)<-[r:SCORED]-(t) WHERE t:Model OR t:UnresolvedAsset
  WITH {t: t, r: r, k: [r.score, t.uid, coalesce(r.key, '')]} AS x
  WHERE $after IS NULL OR [x.k[0] IS NULL, -coalesce(x.k[0], 0), x.k[1], x.k[2]] > [$after[0] IS NULL, -coalesce($after[0], 0), $after[1], $after[2]]
  WITH x ORDER BY x.k[0] IS NULL, x.k[0] DESC, x.k[1], x.k[2] LIMIT $limit + 1
  WITH collect({r: properties(x.r), t: [k IN $props | x.t[k]]}) AS found
  RETURN size(found) > $limit AS more, found[0..$limit] AS items }
RETURN key, CASE WHEN $total THEN COUNT { (p)<-[:SCORED]-(t) WHERE t:Model OR t:UnresolvedAsset } END AS total, more, items`;
const tot = (await run(`MATCH (b:Benchmark {slug: $k})<-[r:SCORED]-() RETURN count(r) AS n`, { k: keys[0] }))[0].get("n");
console.log("results of first benchmark", tot.toString());
for (const [label, q, total] of [["now", now, true], ["limit+count", lim, true], ["limit", lim, false], ["now", now, true], ["limit+count", lim, true], ["limit", lim, false]]) {
  const ts = [];
  for (let i = 0; i < 7; i++) { const t0 = performance.now(); await run(q, { keys, after: null, limit: neo4j.int(10), props: P, total }); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b); console.log(label.padEnd(16), "median", ts[3].toFixed(1), "min", ts[0].toFixed(1));
}
await driver.close();
