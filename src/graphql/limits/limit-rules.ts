// The shape limits (depth, aliases, fields, introspection nesting), checked on the parsed document
// BEFORE graphql-js validates it: validation's OverlappingFieldsCanBeMerged compares every pair of
// same-named fields, so a document the limits refuse must not reach it (a 91 KB batch of repeated
// fields took 1.7 s to refuse when the limits were validation rules beside it). Errors carry
// QUERY_TOO_COMPLEX and name the limit, its maximum and the operation's value.
import { GraphQLError, Kind, type ASTNode, type DocumentNode, type Location, type OperationDefinitionNode } from "graphql";
import type { Limits } from "../../config.js";
import { queryTooComplex } from "../errors.js";
import { operationShapes } from "./operation-shape.js";

/** GraphiQL's introspection nests types > fields > args; deeper nesting only multiplies the answer. */
export const MAX_INTROSPECTION_LISTS = 3;

/**
 * The operation as an error may hold it: its location alone (Apollo re-wraps validation errors by
 * their nodes, so a position must travel in one). An error that held the operation itself would
 * keep the refused document's whole syntax tree, and its tokens through the location, alive until
 * the response is sent: 12 clients sending refused 91 KB batches grew the heap past 1 GB.
 */
function at(operation: OperationDefinitionNode): { nodes?: ASTNode[] } {
  const loc = operation.loc;
  if (!loc) return {};
  const place = { start: loc.start, end: loc.end, source: loc.source } as Location;
  return { nodes: [{ kind: Kind.OPERATION_DEFINITION, loc: place } as ASTNode] };
}

export type ShapeLimits = Pick<Limits, "maxDepth" | "maxAliases" | "maxFields">;

/** Every shape limit `document` breaks, one error per limit and operation; [] when it keeps them all. */
export function shapeLimitErrors(document: DocumentNode, { maxDepth, maxAliases, maxFields }: ShapeLimits): GraphQLError[] {
  const errors: GraphQLError[] = [];
  const refuse = (error: GraphQLError, operation: OperationDefinitionNode) => errors.push(new GraphQLError(error.message, { ...at(operation), extensions: error.extensions }));
  for (const { operation, shape } of operationShapes(document)) {
    const depth = shape?.depth ?? Infinity;
    if (depth > maxDepth) {
      const actual = Number.isFinite(depth) ? String(depth) : "too many";
      refuse(queryTooComplex(`The operation nests ${actual} levels of fields; at most ${maxDepth} are allowed (limit "depth", KG_MAX_DEPTH).`, { limit: "depth", max: maxDepth, ...(Number.isFinite(depth) ? { actual: depth } : {}) }), operation);
    }
    // Unmeasurable (too deep) operations are refused by depth alone.
    if (!shape) continue;
    if (shape.aliases > maxAliases) {
      refuse(queryTooComplex(`The operation uses ${shape.aliases} aliases; at most ${maxAliases} are allowed (limit "aliases", KG_MAX_ALIASES).`, { limit: "aliases", max: maxAliases, actual: shape.aliases }), operation);
    }
    if (shape.fields > maxFields) {
      refuse(
        queryTooComplex(`The operation selects ${shape.fields} fields (fragments expanded, repeats counted); at most ${maxFields} are allowed (limit "fields", KG_MAX_FIELDS).`, {
          limit: "fields",
          max: maxFields,
          actual: shape.fields,
        }),
        operation,
      );
    }
    if (shape.introspectionLists > MAX_INTROSPECTION_LISTS) {
      refuse(
        queryTooComplex(`The operation nests ${shape.introspectionLists} introspection lists; at most ${MAX_INTROSPECTION_LISTS} are allowed (limit "introspection").`, {
          limit: "introspection",
          max: MAX_INTROSPECTION_LISTS,
          actual: shape.introspectionLists,
        }),
        operation,
      );
    }
  }
  return errors;
}
