// Small write batches for tests of the embedded store's files: a country, and an organization
// headquartered in one, each citing the source "s".
import type { GraphBatch } from "../../src/domain/graph.js";

export const country = (code: string, name: string): GraphBatch => ({
  nodes: [{ kind: "Country", key: code, props: { name, aliases: [], sources: ["s"] } }],
  relationships: [],
});

export const org = (slug: string, code: string): GraphBatch => ({
  nodes: [{ kind: "Organization", key: slug, props: { name: slug, aliases: [], sources: ["s"] } }],
  relationships: [{ type: "HEADQUARTERED_IN", from: { kind: "Organization", key: slug }, to: { kind: "Country", key: code }, key: "", props: { sources: ["s"] } }],
});
