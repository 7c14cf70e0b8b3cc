// The estimated cost of an operation, checked before it runs. A field costs 1 plus its children;
// a connection costs its page size times its children; other lists cost their `first` (or
// LIST_ESTIMATE) times their children; introspection lists cost what this schema's answer holds
// (nothing is free: aliases and batches multiplied a free introspection into megabytes).
import type { ApolloServerPlugin } from "@apollo/server";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import { LRUCache } from "lru-cache";
import {
  GraphQLError,
  Kind,
  getNullableType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  isUnionType,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../types/connection-type.js";
import { badUserInput, queryTooComplex } from "../errors.js";
import { INTROSPECTION_CACHE_SIZE, introspectionRoots, sourceKey } from "./introspection.js";

/**
 * Items a list without `first` is counted as: such lists (a model's developers, a fact's sources,
 * a country's observations) are short in this graph, though they may hold up to 100 items.
 */
export const LIST_ESTIMATE = 10;

interface CostArgs {
  args: Record<string, unknown>;
  childComplexity: number;
}

/** Items a `first` argument asks for, within what the API would serve (larger ones fail later anyway). */
function pageOf(first: unknown, fallback: number): number {
  return typeof first === "number" && Number.isFinite(first) ? Math.min(Math.max(first, 1), MAX_PAGE_SIZE) : fallback;
}

/** Complexity of a connection field: `first` (default 20) times what each item selects. */
export function connectionComplexity({ args, childComplexity }: CostArgs): number {
  return pageOf(args.first, DEFAULT_PAGE_SIZE) * childComplexity;
}

/**
 * Items each introspection list holds in this schema, on average over its parents: `__Schema.types`
 * is every type, `__Type.fields` the fields of all types over the number of types, `__Field.args`
 * the arguments of all fields over the number of fields, and so on. A list then costs what it
 * answers, like any other list (1 plus its items times what each selects), and GraphiQL's full
 * introspection query costs about the number of values in its answer.
 */
export function introspectionListSizes(schema: GraphQLSchema): Map<string, number> {
  const types = Object.values(schema.getTypeMap());
  const directives = schema.getDirectives();
  let fields = 0;
  let fieldArgs = 0;
  let inputFields = 0;
  let enumValues = 0;
  let interfaces = 0;
  let possibleTypes = 0;
  for (const type of types) {
    if (isObjectType(type) || isInterfaceType(type)) {
      const own = Object.values(type.getFields());
      fields += own.length;
      fieldArgs += own.reduce((n, f) => n + f.args.length, 0);
      interfaces += type.getInterfaces().length;
    }
    if (isInterfaceType(type) || isUnionType(type)) possibleTypes += schema.getPossibleTypes(type).length;
    if (isInputObjectType(type)) inputFields += Object.keys(type.getFields()).length;
    if (isEnumType(type)) enumValues += type.getValues().length;
  }
  const per = (total: number, parents: number) => (parents > 0 ? total / parents : 0);
  return new Map([
    ["__Schema.types", types.length],
    ["__Schema.directives", directives.length],
    ["__Type.fields", per(fields, types.length)],
    ["__Type.inputFields", per(inputFields, types.length)],
    ["__Type.enumValues", per(enumValues, types.length)],
    ["__Type.interfaces", per(interfaces, types.length)],
    ["__Type.possibleTypes", per(possibleTypes, types.length)],
    ["__Field.args", per(fieldArgs, fields)],
    ["__Directive.args", per(directives.reduce((n, d) => n + d.args.length, 0), directives.length)],
    ["__Directive.locations", per(directives.reduce((n, d) => n + d.locations.length, 0), directives.length)],
  ]);
}

/**
 * Introspection lists at their size in this schema (a fraction on average: the total is rounded
 * up). `__typename` costs nothing: it names the object a field already paid for (and 1,000 of it
 * are answered once).
 */
function introspectionEstimator(schema: GraphQLSchema): ComplexityEstimator {
  const sizes = introspectionListSizes(schema);
  return ({ type, field, childComplexity }) => {
    if (field.name === "__typename") return 0;
    const items = sizes.get(`${type.name}.${field.name}`);
    return items === undefined ? undefined : 1 + items * childComplexity;
  };
}

/** Lists that are not connections: `first`, the number of `ids`, or LIST_ESTIMATE items. */
const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!isListType(getNullableType(field.type))) return undefined;
  const items = Array.isArray(args.ids) ? Math.max(args.ids.length, 1) : pageOf(args.first, LIST_ESTIMATE);
  return 1 + items * childComplexity;
};

const estimators = new WeakMap<GraphQLSchema, ComplexityEstimator[]>();

/** The estimators for `schema`, made once per schema. */
export function estimatorsFor(schema: GraphQLSchema): ComplexityEstimator[] {
  let found = estimators.get(schema);
  if (!found) {
    found = [introspectionEstimator(schema), fieldExtensionsEstimator(), listEstimator, simpleEstimator({ defaultComplexity: 1 })];
    estimators.set(schema, found);
  }
  return found;
}

/** The fragments of a document. */
function fragmentsOf(document: DocumentNode): FragmentDefinitionNode[] {
  return document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION);
}

/**
 * Costs of introspection root fields (unrounded), per schema, by the field's text after its alias
 * with the fragments and variables (introspection.ts's sourceKey): a batch of GraphiQL's query
 * with a new alias each time parses anew every time, but is priced once (0.3 ms an operation
 * before, 0.06 ms since: the key is built from the source text, without printing).
 */
const introspectionCosts = new WeakMap<GraphQLSchema, Map<string, number>>();

/** An operation of plain introspection fields, priced field by field, each priced once per text. */
function introspectionCost(schema: GraphQLSchema, operation: OperationDefinitionNode, roots: readonly FieldNode[], fragments: FragmentDefinitionNode[], variables: Record<string, unknown> | undefined): number {
  let known = introspectionCosts.get(schema);
  if (!known) introspectionCosts.set(schema, (known = new Map()));
  const vars = JSON.stringify(variables ?? {});
  // Summed in the order getComplexity sums an operation's root fields, then rounded up like it.
  let total = 0;
  for (const field of roots) {
    const key = sourceKey(field, fragments, vars);
    let cost = key === null ? undefined : known.get(key);
    if (cost === undefined) {
      const single: OperationDefinitionNode = { ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: [field] } };
      cost = getComplexity({ schema, query: { kind: Kind.DOCUMENT, definitions: [single, ...fragments] }, variables: variables ?? {}, estimators: estimatorsFor(schema) });
      if (key !== null) {
        if (known.size >= INTROSPECTION_CACHE_SIZE) known.delete(known.keys().next().value!);
        known.set(key, cost);
      }
    }
    total += cost;
  }
  return Math.ceil(total);
}

/** Most costs kept, over every operation: about 150 bytes each. */
const KEPT_COSTS = 10_000;

/**
 * Costs already estimated, by operation node (per schema) and its variables as JSON, the least
 * recently asked dropped first. Apollo's document cache hands every request with the same text the
 * same parsed document, so a script asking one query for many keys is priced once per variable
 * set: estimating walked the document with graphql-js's TypeInfo on every request (5.8 % of the
 * API's CPU on Q1 of the benchmark, docs/benchmarks.md). A cost depends on nothing else, so a kept
 * one is the one it would compute. What fails to price (a variable of the wrong type) is not kept.
 */
const kept = new LRUCache<string, number>({ max: KEPT_COSTS });
const operationIds = new WeakMap<GraphQLSchema, WeakMap<OperationDefinitionNode, number>>();
let lastOperationId = 0;

function operationId(schema: GraphQLSchema, operation: OperationDefinitionNode): number {
  let ids = operationIds.get(schema);
  if (!ids) operationIds.set(schema, (ids = new WeakMap()));
  let id = ids.get(operation);
  if (id === undefined) ids.set(operation, (id = ++lastOperationId));
  return id;
}

/** The cost of one operation of a document (with the document's fragments). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
  const key = `${operationId(schema, operation)}|${JSON.stringify(variables ?? {})}`;
  let cost = kept.get(key);
  if (cost === undefined) {
    cost = estimatedCost(schema, document, operation, variables);
    kept.set(key, cost);
  }
  return cost;
}

function estimatedCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
  const fragments = fragmentsOf(document);
  const roots = introspectionRoots(operation);
  if (roots) return introspectionCost(schema, operation, roots, fragments, variables);
  // A document of just this operation and the fragments: the estimator otherwise sums every operation.
  const query: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] };
  return Math.ceil(getComplexity({ schema, query, variables: variables ?? {}, estimators: estimatorsFor(schema) }));
}

/**
 * Refuses, before execution, every operation that costs more than `maxCost`, and every operation
 * that would take its HTTP request over it: the budget is per request, not per operation. The
 * operations of a batch share one HTTP response head (each gets a copy of the context), so that
 * head is what the spending is counted against. `charge` then bills the operation (its cost, and
 * its document's text) to its client.
 */
export function costLimitPlugin<C extends object>(maxCost: number, charge?: (contextValue: C, cost: number, document: string | undefined) => Promise<void>): ApolloServerPlugin<C> {
  const spent = new WeakMap<object, number>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request, response, contextValue }) {
          // No operation resolved (a wrong operationName): execution refuses it without running anything.
          if (!operation) return;
          let cost: number;
          try {
            cost = operationCost(schema, document, operation, request.variables);
          } catch (error) {
            // graphql-query-complexity coerces variables first: a wrong type is the client's error.
            if (error instanceof GraphQLError && /^Variable "\$/.test(error.message)) throw badUserInput(error.message);
            throw queryTooComplex(`The operation's cost could not be estimated: ${(error as Error).message}`, { limit: "cost", max: maxCost });
          }
          if (cost > maxCost) {
            throw queryTooComplex(`The operation costs ${cost}; at most ${maxCost} is allowed. A connection costs its \`first\` (default ${DEFAULT_PAGE_SIZE}) times what each item selects; ask for smaller pages or fewer levels.`, {
              limit: "cost",
              max: maxCost,
              actual: cost,
            });
          }
          const total = (spent.get(response.http) ?? 0) + cost;
          if (total > maxCost) {
            throw queryTooComplex(`The operations of this batch cost ${total} together; at most ${maxCost} is allowed per request.`, { limit: "cost", max: maxCost, actual: total });
          }
          spent.set(response.http, total);
          // Within the limits: the client's budget pays for it (server/rate-limit.ts), or refuses it.
          await charge?.(contextValue, cost, request.query);
        },
      };
    },
  };
}

