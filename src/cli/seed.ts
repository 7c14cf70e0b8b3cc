// `kg seed`: the seed graph (seed/*.json) written into the store; running it again changes nothing.
import { seedStore } from "../store/open-store.js";
import { defineCommand } from "./command.js";
import { withStore } from "./store-access.js";

export const seedCommand = defineCommand({
  name: "seed",
  summary: "write the seed graph (seed/*.json) into the store; running it again changes nothing",
  run: (_args, config, io) =>
    withStore(config, { holder: "kg seed" }, async (store) => {
      const summary = await seedStore(store, config.seedDir);
      const counts = await store.counts();
      io.out(`seeded ${store.name}: ${JSON.stringify(summary)}; the store holds ${counts.nodes} nodes and ${counts.relationships} relationships\n`);
    }),
});
