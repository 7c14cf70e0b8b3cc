// In-scope omissions for every shape of scope (a period, only a start, only an end, only a model
// kind), on every store, against the rule computed here from the seed: the Neo4j adapter reads its
// candidates from indexes (releaseDate or modelKind), so each branch is checked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GraphBatch, NodeRecord } from "../../src/domain/graph.js";
import { loadSeed } from "../../src/seed/load-seed.js";
import type { GraphStore } from "../../src/store/port.js";
import { config, openSeeded, STORE_CASES } from "../helpers/stores.js";

interface Scope {
  scopeModelKind?: string;
  scopeReleasedFrom?: string;
  scopeReleasedTo?: string;
}

const SCOPES: Record<string, Scope> = {
  "scope-period": { scopeModelKind: "FOUNDATION", scopeReleasedFrom: "2023-01-01", scopeReleasedTo: "2023-12-31" },
  "scope-from": { scopeReleasedFrom: "2023-08-01" },
  "scope-to": { scopeModelKind: "FOUNDATION", scopeReleasedTo: "2023-07-31" },
  "scope-kind": { scopeModelKind: "FOUNDATION" },
};

const reports: GraphBatch = {
  nodes: Object.entries(SCOPES).map(([key, scope]) => ({
    kind: "Report" as const,
    key,
    props: { name: key, ...scope, scopeInclusionsComplete: true, scopeSources: ["seed-curation"], sources: ["seed-curation"] },
  })),
  // Each includes GPT-4, so that it is never an in-scope omission.
  relationships: Object.keys(SCOPES).map((key) => ({
    type: "INCLUDES" as const,
    from: { kind: "Report" as const, key },
    to: { kind: "Model" as const, key: "gpt-4" },
    key: "",
    props: { sources: ["seed-curation"] },
  })),
};

/** The rule of cypher/fragments/in-scope.cypher, written out independently. */
function inScope(scope: Scope, model: NodeRecord): boolean {
  const date = model.props.releaseDate as string | undefined;
  if (scope.scopeModelKind && model.props.modelKind !== scope.scopeModelKind) return false;
  if (scope.scopeReleasedFrom && !(date && date >= scope.scopeReleasedFrom)) return false;
  if (scope.scopeReleasedTo && !(date && date <= scope.scopeReleasedTo)) return false;
  return true;
}

const seed = await loadSeed(config.seedDir);
const models = seed.nodes.filter((n) => n.kind === "Model");

describe.each(STORE_CASES)("in-scope omissions for every shape of scope [$name]", (storeCase) => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await openSeeded(storeCase);
    await store.write(reports);
  });
  afterAll(() => store.close());

  it.each(Object.keys(SCOPES))("%s", async (key) => {
    const expected = models.filter((m) => m.key !== "gpt-4" && inScope(SCOPES[key], m)).map((m) => m.key).sort();
    const [page] = await store.related("report-in-scope-omissions", [key], null, { after: null, limit: 100 });
    expect(page.items.map((i) => i.node.key).sort()).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(0);
  });
});
