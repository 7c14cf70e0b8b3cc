// Unit-level benchmark of modelStats on the embedded store at N synthetic models: the first call
// (which builds the index of model facts), a repeated one (groups kept until the next write), a
// filtered one (candidates from the year index), and the first call after a write (index rebuilt).
//   node dist/bench/memory-model-stats.js [--models 100000]
import "reflect-metadata";
import { writeGenerated } from "../src/generate/write-generated.js";
import { SyntheticGraph } from "../src/generate/synthetic-graph.js";
import { MemoryStore } from "../src/store/memory/memory-store.js";
import type { ModelStatsQuery } from "../src/store/port.js";

const models = Number(process.argv[process.argv.indexOf("--models") + 1]) || 100_000;
const graph = new SyntheticGraph({ models, seed: 1 });
const store = await MemoryStore.open(null);
await writeGenerated(store, graph, 2000);

const window = { after: null, limit: 20 };
async function ms(query: ModelStatsQuery, rounds = 1): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await store.modelStats(query, window);
  return (performance.now() - started) / rounds;
}

const byCountry: ModelStatsQuery = { filter: null, groupBy: ["COUNTRY"], order: "COUNT_DESC" };
const byYear2023: ModelStatsQuery = { filter: { releasedYear: 2023 }, groupBy: ["COUNTRY"], order: "COUNT_DESC" };
const three: ModelStatsQuery = { filter: null, groupBy: ["COUNTRY", "YEAR", "ORGANIZATION"], order: "COUNT_DESC" };
const result = {
  models,
  firstCallBuildsIndexMs: await ms(byCountry),
  repeatedByCountryMs: await ms(byCountry, 50),
  firstFilteredByYearMs: await ms(byYear2023),
  repeatedFilteredByYearMs: await ms(byYear2023, 50),
  firstThreeDimensionsMs: await ms(three),
  repeatedThreeDimensionsMs: await ms(three, 10),
};
const [one] = (await store.list({ kind: "Model" }, { after: null, limit: 1 })).items;
await store.write({ nodes: [{ ...one, props: { ...one.props, description: "touched" } }], relationships: [] });
console.log(JSON.stringify({ ...result, firstCallAfterWriteMs: await ms(byCountry) }, null, 2));
await store.close();
