// Walking a GraphQL selection the way graphql-js collects it: the fields of selection sets through
// inline fragments and fragment spreads. One walk for what looks ahead at a selection: the prefetch
// of root lookups (prefetch.ts), the properties a relation load reads (wanted-properties.ts), and
// whether modelStats is asked for its summaries (resolvers/model-stats-resolver.ts).
import { isObjectType, Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLNamedType, type SelectionSetNode } from "graphql";

export type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;
type Sets = ReadonlyArray<SelectionSetNode | undefined>;

/**
 * The fields of selection sets, through fragments whose type condition `type` meets (the type, or an
 * interface it implements); through every fragment when `type` is null.
 */
export function* fieldsOf(type: GraphQLNamedType | null, sets: Sets, fragments: Fragments, depth = 0): Generator<FieldNode> {
  if (depth > 10) return;
  const applies = (condition: string | undefined) =>
    !condition || !type || condition === type.name || (isObjectType(type) && type.getInterfaces().some((i) => i.name === condition));
  for (const set of sets) {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) yield selection;
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (applies(selection.typeCondition?.name.value)) yield* fieldsOf(type, [selection.selectionSet], fragments, depth + 1);
      } else {
        const fragment = fragments[selection.name.value];
        if (fragment && applies(fragment.typeCondition.name.value)) yield* fieldsOf(type, [fragment.selectionSet], fragments, depth + 1);
      }
    }
  }
}

/** The selection sets of a connection's items: those of `nodes` and of `edges { node }`. */
export function connectionItemSets(connection: GraphQLNamedType | null, sets: Sets, fragments: Fragments): Array<SelectionSetNode | undefined> {
  const itemSets: Array<SelectionSetNode | undefined> = [];
  for (const field of fieldsOf(connection, sets, fragments)) {
    if (field.name.value === "nodes") itemSets.push(field.selectionSet);
    if (field.name.value === "edges") for (const edgeField of fieldsOf(null, [field.selectionSet], fragments)) if (edgeField.name.value === "node") itemSets.push(edgeField.selectionSet);
  }
  return itemSets;
}
