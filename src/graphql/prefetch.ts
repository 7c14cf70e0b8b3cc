// Root lookups (model(slug), report(slug), ...) know their entity's key before they load it, and the
// relationship fields right below need nothing but that key. Starting those fields' loads in the same
// tick as the entity's own load makes ONE round of store calls where there were two: Q1 of the
// benchmark makes its 4 store calls in one round instead of two (docs/benchmarks.md).
// A prefetch only fills the request's loaders with the very loads the field resolvers make (same
// relation, filter and window); a field asked in a way the table below does not foresee makes its own
// call, so answers never change. For an entity that does not exist the prefetched pages are wasted.
import { getArgumentValues, getNamedType, isObjectType, Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from "graphql";
import type { NodeKind } from "../domain/kinds.js";
import type { RelationName } from "../domain/relations.js";
import type { Window } from "../store/port.js";
import type { Context } from "./context.js";
import { relatedOrdering } from "./cursors.js";
import { FIRST_ONLY, listWindow } from "./resolvers/list-window.js";
import { windowOf } from "./types/connection-type.js";

type Args = Record<string, unknown>;
type WindowOf = (args: Args, relation: RelationName) => Window;

/** relatedFirst: the first item. */
const FIRST: WindowOf = () => listWindow(FIRST_ONLY);
/** relatedItems: `first` items, MAX_LIST by default. */
const LIST: WindowOf = (args) => listWindow(args.first as number | null | undefined);
/** relatedConnection: `first` after `after`. */
const CONNECTION: WindowOf = (args, relation) => windowOf(args, relatedOrdering(relation));

/**
 * Per kind, the relationship fields whose loads depend on the parent's key alone (and on window
 * arguments), as their resolvers in resolvers/ make them. Fields with a filter are not here.
 */
const FIELDS: Partial<Record<NodeKind, Record<string, Array<[RelationName, WindowOf]>>>> = {
  Model: {
    organization: [["model-developers", FIRST]],
    developers: [["model-developers", LIST]],
    country: [["model-country", FIRST]],
    benchmarkResults: [["model-benchmark-results", LIST]],
    includedIn: [["model-included-in", LIST]],
    omittedFrom: [
      ["model-omitted-from", LIST],
      ["model-in-scope-omitted-from", LIST],
    ],
  },
  Report: {
    publisher: [["report-publisher", FIRST]],
    includedModels: [["report-included-models", CONNECTION]],
    omittedModels: [
      ["report-omissions", LIST],
      ["report-in-scope-omissions", LIST],
    ],
  },
  Organization: {
    country: [["organization-country", FIRST]],
    reports: [["organization-reports", LIST]],
  },
  Country: {
    organizations: [["country-organizations", CONNECTION]],
    models: [["country-models", CONNECTION]],
  },
};

/** The fields selected directly on the root field's object, through fragments too. */
function* selectedFields(info: GraphQLResolveInfo, selectionSet: SelectionSetNode | undefined, depth = 0): Generator<FieldNode> {
  if (!selectionSet || depth > 10) return;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) yield selection;
    else if (selection.kind === Kind.INLINE_FRAGMENT) yield* selectedFields(info, selection.selectionSet, depth + 1);
    else yield* selectedFields(info, info.fragments[selection.name.value]?.selectionSet, depth + 1);
  }
}

/** Starts the loads of the relationship fields selected under a root lookup of `kind` by `key`. */
export function prefetchRelations(ctx: Context, info: GraphQLResolveInfo, kind: NodeKind, key: string): void {
  const fields = FIELDS[kind];
  const type = getNamedType(info.returnType);
  if (!fields || !isObjectType(type)) return;
  for (const fieldNode of info.fieldNodes) {
    for (const node of selectedFields(info, fieldNode.selectionSet)) {
      const loads = fields[node.name.value];
      const definition = type.getFields()[node.name.value];
      if (!loads || !definition) continue;
      let args: Args;
      try {
        args = getArgumentValues(definition, node, info.variableValues);
        for (const [relation, window] of loads) {
          // The field's resolver awaits the same promise and reports its errors; none here.
          ctx.loaders.related(relation, null, window(args, relation)).load(key).catch(() => undefined);
        }
      } catch {
        // Bad arguments: the field's resolver answers BAD_USER_INPUT.
      }
    }
  }
}
