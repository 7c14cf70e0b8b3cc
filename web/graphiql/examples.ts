// The example operations of examples/queries/*.graphql, read at build time: each becomes a tab.

/** A tab GraphiQL opens with (its TabDefinition). */
export interface TabDefinition {
  query: string;
  variables?: string;
}

const files = import.meta.glob<string>("../../examples/queries/*.graphql", { query: "?raw", import: "default", eager: true });

/** The examples, in file-name order. */
export function exampleTabs(): TabDefinition[] {
  return Object.keys(files)
    .sort()
    .map((file) => ({ query: files[file] }));
}
