// `kg counts`: how many nodes and relationships the store holds, as one JSON line.
import { defineCommand } from "./command.js";
import { withGraph } from "./store-access.js";

export const countsCommand = defineCommand({
  name: "counts",
  summary: "print how many nodes and relationships the store holds",
  run: (_args, config, io) =>
    withGraph(config, io, "kg counts", async (store) => {
      io.out(`${JSON.stringify(await store.counts())}\n`);
    }),
});
