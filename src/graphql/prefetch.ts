// Root lookups (model(slug), report(slug), ...) know their entity's key before they load it, and the
// relationship fields right below need nothing but that key. Starting those fields' loads in the same
// tick as the entity's own load makes ONE round of store calls where there were two: Q1 of the
// benchmark makes its 4 store calls in one round instead of two (docs/benchmarks.md).
// A prefetch only fills the request's loaders with the very loads the field resolvers make (same
// relation and window, both derived from the field's declaration in relation-fields.ts); a field
// asked with a filter makes its own call, so answers never change. For an entity that does not
// exist the prefetched pages are wasted.
import { getArgumentValues, getNamedType, isObjectType, type FieldNode, type GraphQLResolveInfo } from "graphql";
import type { NodeKind } from "../domain/kinds.js";
import type { Context } from "./context.js";
import { declarationOf, loadsOf, prefetchable } from "./relation-fields.js";
import { fieldsOf } from "./selections.js";
import { selectionReads } from "./wanted-properties.js";

/** Starts the loads of the relationship fields selected under a root lookup of `kind` by `key`. */
export function prefetchRelations(ctx: Context, info: GraphQLResolveInfo, _kind: NodeKind, key: string): void {
  const type = getNamedType(info.returnType);
  if (!isObjectType(type)) return;
  const interfaces = type.getInterfaces().map((i) => i.name);
  // Grouped by response key, as graphql-js merges them for the field's resolver: the same fieldNodes,
  // so the same wanted properties and the same loader.
  const byResponseKey = new Map<string, FieldNode[]>();
  for (const fieldNode of info.fieldNodes) {
    // Through every fragment: validation leaves none that cannot apply to the object type.
    for (const node of fieldsOf(null, [fieldNode.selectionSet], info.fragments)) {
      const responseKey = node.alias?.value ?? node.name.value;
      byResponseKey.set(responseKey, [...(byResponseKey.get(responseKey) ?? []), node]);
    }
  }
  for (const nodes of byResponseKey.values()) {
    const [node] = nodes;
    const declaration = declarationOf(type.name, node.name.value, interfaces);
    const definition = type.getFields()[node.name.value];
    if (!declaration || !definition) continue;
    try {
      const args = getArgumentValues(definition, node, info.variableValues);
      if (!prefetchable(declaration, args)) continue;
      const reads = selectionReads({ fieldNodes: nodes, returnType: definition.type, fragments: info.fragments }, declaration.item);
      for (const { relation, window, read } of loadsOf(declaration, args, reads)) {
        // The field's resolver awaits the same promise and reports its errors; none here.
        ctx.loaders.related(relation, null, window, read).load(key).catch(() => undefined);
      }
    } catch {
      // Bad arguments: the field's resolver answers BAD_USER_INPUT.
    }
  }
}
