// Introspection answered from memory, and execution held to the request's deadline.
//
// An operation made only of introspection root fields (`__schema`, `__type`, `__typename`, aliased
// or not) is answered from a per-schema cache of each root field's value: the schema does not
// change while the server runs, so GraphiQL's query, sent by every tool that opens the API, is
// executed once and then costs a JSON serialization, and ten aliases of `__schema` execute once.
// It is still priced (cost.ts prices every alias), so a batch of them counts against the limits.
//
// Fields that read no store cannot be cut off by the store's deadline (graphql-js runs
// synchronous resolvers to the end), so an operation that selects introspection fields beside
// others is checked against the deadline at every field it resolves.
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from "@apollo/server";
import {
  execute,
  Kind,
  print,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { serviceUnavailable } from "../errors.js";
import { operationShapes } from "./operation-shape.js";

const INTROSPECTION_ROOTS = new Set(["__schema", "__type", "__typename"]);

/** Distinct root-field values kept per schema; the oldest go first. */
export const INTROSPECTION_CACHE_SIZE = 200;

/** The root fields of an operation when it holds nothing but plain introspection fields; null otherwise. */
export function introspectionRoots(operation: OperationDefinitionNode): FieldNode[] | null {
  if (operation.operation !== "query") return null;
  const fields: FieldNode[] = [];
  for (const selection of operation.selectionSet.selections) {
    // Fragments and directives on the root: left to ordinary execution.
    if (selection.kind !== Kind.FIELD || !INTROSPECTION_ROOTS.has(selection.name.value) || selection.directives?.length) return null;
    fields.push(selection);
  }
  return fields;
}

class IntrospectionCache {
  private readonly values = new Map<string, unknown>();

  constructor(private readonly schema: GraphQLSchema) {}

  /** The value of one root field (its alias dropped), executed on first use; undefined when it fails. */
  value(field: FieldNode, operation: OperationDefinitionNode, fragments: FragmentDefinitionNode[], variables: Record<string, unknown> | undefined): unknown {
    const vars = JSON.stringify(variables ?? {});
    // The field's text from its name on, as sent: found without printing the selection (printing
    // GraphiQL's query and fragments cost about 0.4 ms an operation, a tenth of answering it).
    const sent = sourceKey(field, fragments, vars);
    if (sent !== null && this.values.has(sent)) return this.values.get(sent);
    const bare: FieldNode = { ...field, alias: undefined };
    // The printed text: the same for every spelling (spaces, commas, comments) of one selection.
    const key = `${print(bare)}\n${fragments.length ? fragments.map(print).join("\n") : ""}\n${vars}`;
    if (this.values.has(key)) {
      const known = this.values.get(key);
      if (sent !== null) this.remember(sent, known);
      return known;
    }
    const single: OperationDefinitionNode = { ...operation, name: undefined, selectionSet: { kind: Kind.SELECTION_SET, selections: [bare] } };
    const document: DocumentNode = { kind: Kind.DOCUMENT, definitions: [single, ...fragments] };
    const result = execute({ schema: this.schema, document, variableValues: variables });
    // Introspection executes synchronously; anything else (or an error) takes the ordinary path.
    if (result instanceof Promise || result.errors?.length || !result.data) return undefined;
    const value = result.data[field.name.value];
    this.remember(key, value);
    if (sent !== null) this.remember(sent, value);
    return value;
  }

  private remember(key: string, value: unknown): void {
    if (this.values.size >= INTROSPECTION_CACHE_SIZE) this.values.delete(this.values.keys().next().value!);
    this.values.set(key, value);
  }
}

/** The source text of `field` after its alias, and of the fragments, as sent; null without locations. */
export function sourceKey(field: FieldNode, fragments: FragmentDefinitionNode[], vars: string): string | null {
  const text = (node: { loc?: { start: number; end: number; source: { body: string } } }, from = node.loc?.start) => (node.loc && from !== undefined ? node.loc.source.body.slice(from, node.loc.end) : null);
  const own = text(field, field.name.loc?.start);
  if (own === null) return null;
  const parts = [own];
  for (const fragment of fragments) {
    const part = text(fragment);
    if (part === null) return null;
    parts.push(part);
  }
  // A prefix keeps these keys apart from the printed ones.
  return `sent\n${parts.join("\n")}\n${vars}`;
}

export function introspectionPlugin<C extends object>(requestTimeoutMs: number): ApolloServerPlugin<C> {
  const caches = new WeakMap<GraphQLSchema, IntrospectionCache>();
  return {
    async requestDidStart() {
      const deadline = Date.now() + requestTimeoutMs;
      return {
        async responseForOperation({ schema, document, operation, request }): Promise<GraphQLResponse | null> {
          // No operation resolved (several, none named): execution answers that error.
          if (!operation) return null;
          const roots = introspectionRoots(operation);
          if (!roots) return null;
          let cache = caches.get(schema);
          if (!cache) caches.set(schema, (cache = new IntrospectionCache(schema)));
          const fragments = document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
          const data: Record<string, unknown> = {};
          for (const field of roots) {
            const value = cache.value(field, operation, fragments, request.variables);
            if (value === undefined) return null;
            data[field.alias?.value ?? field.name.value] = value;
          }
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: "single", singleResult: { data } } };
        },
        async executionDidStart({ document, operation }) {
          if (!operation) return;
          const shape = operationShapes(document).find((s) => s.operation === operation)?.shape;
          if (!shape || shape.introspectionLists === 0) return;
          return {
            willResolveField() {
              if (Date.now() >= deadline) throw serviceUnavailable(`The request ran out of its ${requestTimeoutMs} ms; try a smaller query, or again shortly.`);
            },
          };
        },
      };
    },
  };
}
