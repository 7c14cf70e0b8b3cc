// The playground at /graphiql/: GraphiQL 5 with the docs explorer, history and headers editor, its
// tabs preloaded with examples/queries/*.graphql. Everything it loads comes from this host.
import "graphiql/setup-workers/vite";
import "graphiql/style.css";
import { createGraphiQLFetcher } from "@graphiql/toolkit";
import { GraphiQL } from "graphiql";
import { createElement, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { exampleTabs } from "./examples";

const fetcher = createGraphiQLFetcher({ url: new URL("/graphql", location.href).toString() });

// A link such as the explorer's (/graphiql/?query=...&variables=...) opens its operation in a tab.
const params = new URLSearchParams(location.search);
const linked = params.get("query");
const variables = params.get("variables") ?? undefined;
const examples = exampleTabs();
const defaultTabs = linked ? [{ query: linked, variables }, ...examples] : examples;

// createElement rather than JSX: the pages build without a React plugin (STACK-NOTES §5).
createRoot(document.getElementById("graphiql")!).render(
  createElement(
    StrictMode,
    null,
    createElement(GraphiQL, {
      fetcher,
      defaultTabs,
      initialQuery: linked ?? undefined,
      initialVariables: linked ? variables : undefined,
      defaultEditorToolsVisibility: linked && variables ? "variables" : undefined,
      isHeadersEditorEnabled: true,
      shouldPersistHeaders: false,
    }),
  ),
);
