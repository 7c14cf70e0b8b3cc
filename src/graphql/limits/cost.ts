// The estimated cost of an operation, checked before it runs. A field costs 1 plus its children;
// a connection costs its page size times its children; other lists cost their `first` (or
// LIST_ESTIMATE) times their children; introspection costs nothing (GraphiQL must always work).
import type { ApolloServerPlugin } from "@apollo/server";
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from "graphql-query-complexity";
import { GraphQLError, Kind, getNullableType, isListType, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from "graphql";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "../types/connection-type.js";
import { badUserInput, queryTooComplex } from "../errors.js";

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

/** Introspection (`__schema`, `__type`, `__typename`) is free: GraphiQL's own query costs ~220 otherwise. */
const introspectionEstimator: ComplexityEstimator = ({ field }) => (field.name.startsWith("__") ? 0 : undefined);

/** Lists that are not connections: `first`, the number of `ids`, or LIST_ESTIMATE items. */
const listEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  if (!isListType(getNullableType(field.type))) return undefined;
  const items = Array.isArray(args.ids) ? Math.max(args.ids.length, 1) : pageOf(args.first, LIST_ESTIMATE);
  return 1 + items * childComplexity;
};

export const ESTIMATORS: ComplexityEstimator[] = [introspectionEstimator, fieldExtensionsEstimator(), listEstimator, simpleEstimator({ defaultComplexity: 1 })];

/** The cost of one operation of a document (with the document's fragments). */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): number {
  // A document of just this operation and the fragments: the estimator otherwise sums every operation.
  const query: DocumentNode = { kind: Kind.DOCUMENT, definitions: [operation, ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION)] };
  return getComplexity({ schema, query, variables: variables ?? {}, estimators: ESTIMATORS });
}

/**
 * Refuses, before execution, every operation that costs more than `maxCost`, and every operation
 * that would take its HTTP request over it: the budget is per request, not per operation. The
 * operations of a batch share one HTTP response head (each gets a copy of the context), so that
 * head is what the spending is counted against. `charge` then bills the operation to its client.
 */
export function costLimitPlugin<C extends object>(maxCost: number, charge?: (contextValue: C, cost: number) => Promise<void>): ApolloServerPlugin<C> {
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
          await charge?.(contextValue, cost);
        },
      };
    },
  };
}

