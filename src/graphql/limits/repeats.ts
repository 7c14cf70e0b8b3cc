// Repeated identical selections, removed before validation. graphql-js answers a field once per
// response name however often it is repeated, but its OverlappingFieldsCanBeMerged rule compares
// every pair of same-named fields and gives up past its own budget ("Validation aborted."), so
// 1,000 plain `__typename` fields, within the field limit, could not be answered. A selection
// printed exactly like an earlier sibling (same alias, name, arguments, directives and
// sub-selections) adds nothing to the result and can conflict with nothing its twin does not, so
// dropping it changes neither the answer nor any validation error.
import { Kind, print, type DefinitionNode, type DocumentNode, type SelectionNode, type SelectionSetNode } from "graphql";

function dedupeSet(set: SelectionSetNode): SelectionSetNode {
  const seen = new Set<string>();
  const kept: SelectionNode[] = [];
  let changed = false;
  for (const selection of set.selections) {
    const inner = selection.kind === Kind.FRAGMENT_SPREAD || !selection.selectionSet ? selection : withSet(selection, dedupeSet(selection.selectionSet));
    if (inner !== selection) changed = true;
    const printed = print(inner);
    if (seen.has(printed)) {
      changed = true;
      continue;
    }
    seen.add(printed);
    kept.push(inner);
  }
  return changed ? { ...set, selections: kept } : set;
}

function withSet<T extends { selectionSet?: SelectionSetNode }>(node: T, selectionSet: SelectionSetNode): T {
  return selectionSet === node.selectionSet ? node : { ...node, selectionSet };
}

/** `document` without repeated identical selections; the same object when it has none. */
export function withoutRepeats(document: DocumentNode): DocumentNode {
  let changed = false;
  const definitions = document.definitions.map((definition): DefinitionNode => {
    if (definition.kind !== Kind.OPERATION_DEFINITION && definition.kind !== Kind.FRAGMENT_DEFINITION) return definition;
    const deduped = withSet(definition, dedupeSet(definition.selectionSet));
    if (deduped !== definition) changed = true;
    return deduped;
  });
  return changed ? { ...document, definitions } : document;
}
