// `kg migrate`: Neo4j's constraints and indexes (cypher/schema.cypher), which opening the store applies.
import { defineCommand } from "./command.js";
import { withStore } from "./store-access.js";

export const migrateCommand = defineCommand({
  name: "migrate",
  summary: "apply cypher/schema.cypher (constraints and indexes) to Neo4j; nothing to do for the embedded store",
  run: async (_args, config, io) => {
    if (!config.neo4j) {
      io.out("the embedded store needs no migration\n");
      return;
    }
    await withStore(config, { holder: "kg migrate" }, async () => io.out("constraints and indexes are in place\n"));
  },
});
