// Validation rules that refuse an operation by its shape before it runs: too deep, too many
// aliases, too many fields (repeated fields, fragment fan-out), introspection nested too far.
// Their errors carry QUERY_TOO_COMPLEX (apollo.ts restores it over Apollo's validation code).
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from "graphql";
import { queryTooComplex } from "../errors.js";
import { operationShapes } from "./operation-shape.js";

/** GraphiQL's introspection nests types > fields > args; deeper nesting only multiplies the answer. */
export const MAX_INTROSPECTION_LISTS = 3;

function report(context: ValidationContext, nodes: GraphQLError["nodes"], error: GraphQLError): void {
  context.reportError(new GraphQLError(error.message, { nodes, extensions: error.extensions }));
}

/** Refuses operations nested deeper than `maxDepth` fields; follows fragments, skips `__*` fields. */
export function depthLimit(maxDepth: number): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      for (const { operation, shape } of operationShapes(document)) {
        const depth = shape?.depth ?? Infinity;
        if (depth > maxDepth) {
          const actual = Number.isFinite(depth) ? String(depth) : "too many";
          report(context, [operation], queryTooComplex(`The operation nests ${actual} levels of fields; at most ${maxDepth} are allowed.`, { limit: "depth", max: maxDepth, ...(Number.isFinite(depth) ? { actual: depth } : {}) }));
        }
      }
      return false;
    },
  });
}

export interface SelectionLimits {
  maxAliases: number;
  maxFields: number;
}

/** Refuses operations with too many aliases or field selections (fragments expanded). */
export function selectionLimits({ maxAliases, maxFields }: SelectionLimits): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document(document) {
      for (const { operation, shape } of operationShapes(document)) {
        // Unmeasurable (too deep) operations are the depth rule's to refuse.
        if (!shape) continue;
        if (shape.aliases > maxAliases) {
          report(context, [operation], queryTooComplex(`The operation uses ${shape.aliases} aliases; at most ${maxAliases} are allowed.`, { limit: "aliases", max: maxAliases, actual: shape.aliases }));
        }
        if (shape.fields > maxFields) {
          report(
            context,
            [operation],
            queryTooComplex(`The operation selects ${shape.fields} fields (fragments expanded, repeats counted); at most ${maxFields} are allowed.`, { limit: "fields", max: maxFields, actual: shape.fields }),
          );
        }
        if (shape.introspectionLists > MAX_INTROSPECTION_LISTS) {
          report(
            context,
            [operation],
            queryTooComplex(`The operation nests ${shape.introspectionLists} introspection lists; at most ${MAX_INTROSPECTION_LISTS} are allowed.`, {
              limit: "introspection",
              max: MAX_INTROSPECTION_LISTS,
              actual: shape.introspectionLists,
            }),
          );
        }
      }
      return false;
    },
  });
}
