// Runs the shape limits before graphql-js validation and keeps validation linear in the document.
// Apollo validates with graphql-js's rules first and ours beside them in the same pass, so a limit
// rule cannot stop the expensive rules (OverlappingFieldsCanBeMerged) from running on a document
// it refuses. This plugin measures the parsed document in `validationDidStart`, before validate():
// - a document over a limit is swapped for a one-field stand-in, and the validation rule below
//   reports the limits' errors on it: the answer is Apollo's usual validation failure (400, every
//   hook run, one error per operation and limit) without validating the hostile document;
// - a document within the limits loses its repeated identical selections (repeats.ts) before
//   validation and execution, and is cached so by Apollo's document store.
import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, OperationTypeNode, type DocumentNode, type ValidationRule } from "graphql";
import { queryTooComplex } from "../errors.js";
import { shapeLimitErrors, type ShapeLimits } from "./limit-rules.js";
import { withoutRepeats } from "./repeats.js";

/** graphql-js's message when a rule spent its own budget (OverlappingFieldsCanBeMerged's 500,000 comparisons). */
const VALIDATION_ABORTED = "Validation aborted.";

/** `{ __typename }`, a new object for each refused request: the key its errors are found by. */
function standIn(): DocumentNode {
  return {
    kind: Kind.DOCUMENT,
    definitions: [
      {
        kind: Kind.OPERATION_DEFINITION,
        operation: OperationTypeNode.QUERY,
        selectionSet: { kind: Kind.SELECTION_SET, selections: [{ kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } }] },
      },
    ],
  };
}

export interface PreValidation<C extends object> {
  plugin: ApolloServerPlugin<C>;
  /** Goes into Apollo's `validationRules`: reports, on the stand-in, the errors the plugin found. */
  rule: ValidationRule;
}

export function preValidation<C extends object>(limits: ShapeLimits): PreValidation<C> {
  const refusals = new WeakMap<DocumentNode, readonly GraphQLError[]>();
  return {
    rule: (context) => ({
      Document(document) {
        for (const error of refusals.get(document) ?? []) context.reportError(error);
        return false;
      },
    }),
    plugin: {
      async requestDidStart() {
        return {
          async validationDidStart(requestContext) {
            // Apollo reads `document` again after this hook to validate and execute it.
            const request = requestContext as { document: DocumentNode };
            const errors = shapeLimitErrors(request.document, limits);
            if (errors.length > 0) {
              const refused = standIn();
              refusals.set(refused, errors);
              request.document = refused;
            } else {
              request.document = withoutRepeats(request.document);
            }
            return async (validationErrors) => {
              // Apollo answers this very array: graphql-js's bare "Validation aborted." becomes a limit error.
              const answered = (validationErrors ?? []) as GraphQLError[];
              for (let i = 0; i < answered.length; i++) {
                if (answered[i].message === VALIDATION_ABORTED) {
                  answered[i] = queryTooComplex(
                    "The operation has too many different fields of the same name (or alias) to check that they can be merged (limit \"overlap\"); select each field once, or give different fields different aliases.",
                    { limit: "overlap" },
                  );
                }
              }
            };
          },
        };
      },
    },
  };
}
