// Which properties of the related nodes a relationship field's selection reads, so that the store
// reads only those (issue 15, "projection pushed down"): a three-level walk asking `slug name` of
// 8,000 models no longer has Neo4j serialize, and the driver decode, the twenty-five properties of
// each. The rule is conservative: a selection is projected only when every field it names is known
// to read nothing but the listed properties; anything else reads whole records, as before.
import { getNamedType, isObjectType, Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLNamedType, type GraphQLObjectType, type GraphQLOutputType, type SelectionSetNode } from "graphql";
import { declarationOf, type ItemNode, type SelectionReads, type WantedProperties } from "./relation-fields.js";
import { recordPropertiesOf } from "./types/node-type.js";

export type { SelectionReads } from "./relation-fields.js";

/** What identifies a node and orders it by name: read whatever the selection, for ids, keys, cursors and relation fields below. */
const ALWAYS = ["uid", "kind", "slug", "code", "name"];

type Fragments = Readonly<Record<string, FragmentDefinitionNode>>;

/** A field's selection as graphql-js gives it to the resolver (or the prefetch, per response key). */
export interface FieldSelection {
  fieldNodes: readonly FieldNode[];
  returnType: GraphQLOutputType;
  fragments: Fragments;
}

// graphql-js hands every parent of one level the same fieldNodes array, so one computation serves them all.
const cache = new WeakMap<readonly FieldNode[], SelectionReads>();

/**
 * What a relationship field's selection reads. `properties`: of the nodes it returns, for a field of
 * an entity type built lazily from records (fieldsOfRecord) or a connection of one, or of items that
 * hold such a node (`item`, from the field's declaration); null otherwise, or when the selection
 * names a field not declared (a resolver that may read any property). `totalCount`: whether a
 * connection's `totalCount` is selected.
 */
export function selectionReads(selection: FieldSelection, item?: ItemNode): SelectionReads {
  let reads = cache.get(selection.fieldNodes);
  if (reads === undefined) {
    const named = getNamedType(selection.returnType);
    const sets = selection.fieldNodes.map((n) => n.selectionSet);
    const totalCount = isObjectType(named) && [...fieldsOf(named, sets, selection.fragments)].some((f) => f.name.value === "totalCount");
    const held = item && isObjectType(named) && !recordPropertiesOf(named.name);
    reads = { properties: held ? heldProperties(named, item, selection) : wantedProperties(selection), totalCount, wholeRelationships: Boolean(held) };
    cache.set(selection.fieldNodes, reads);
  }
  return reads;
}

/** What items holding their node in `item.node` read of it, when their other selected fields are all `item.besides`. */
function heldProperties(type: GraphQLObjectType, item: ItemNode, { fieldNodes, fragments }: FieldSelection): WantedProperties {
  const nodeField = type.getFields()[item.node];
  const nodeType = nodeField ? getNamedType(nodeField.type) : null;
  if (!nodeType || !isObjectType(nodeType) || !recordPropertiesOf(nodeType.name)) return null;
  const nodeSets: Array<SelectionSetNode | undefined> = [];
  for (const field of fieldsOf(type, fieldNodes.map((n) => n.selectionSet), fragments)) {
    const name = field.name.value;
    if (name === item.node) nodeSets.push(field.selectionSet);
    else if (name !== "__typename" && !item.besides.includes(name)) return null;
  }
  const wanted = new Set(ALWAYS);
  return addFields(wanted, nodeType, nodeSets, fragments) ? [...wanted] : null;
}

function wantedProperties({ fieldNodes, returnType, fragments }: FieldSelection): WantedProperties {
  const named = getNamedType(returnType);
  if (!isObjectType(named)) return null;
  const wanted = new Set(ALWAYS);
  const sets = fieldNodes.map((n) => n.selectionSet);
  if (recordPropertiesOf(named.name)) return addFields(wanted, named, sets, fragments) ? [...wanted] : null;
  // A connection: its nodes are under `nodes` and `edges { node }`; its other fields (cursors,
  // pageInfo, totalCount) read sort keys, which are names (in ALWAYS) or the relationship's own properties.
  const nodesField = named.getFields().nodes;
  const itemType = nodesField ? getNamedType(nodesField.type) : null;
  if (!itemType || !isObjectType(itemType) || !recordPropertiesOf(itemType.name) || !named.getFields().edges) return null;
  const itemSets: Array<SelectionSetNode | undefined> = [];
  for (const field of fieldsOf(named, sets, fragments)) {
    if (field.name.value === "nodes") itemSets.push(field.selectionSet);
    if (field.name.value === "edges") for (const edgeField of fieldsOf(null, [field.selectionSet], fragments)) if (edgeField.name.value === "node") itemSets.push(edgeField.selectionSet);
  }
  return addFields(wanted, itemType, itemSets, fragments) ? [...wanted] : null;
}

/** Adds what the fields selected on `type` read; false when one of them is not declared. */
function addFields(wanted: Set<string>, type: GraphQLObjectType, sets: ReadonlyArray<SelectionSetNode | undefined>, fragments: Fragments): boolean {
  const readers = recordPropertiesOf(type.name)!;
  const interfaces = type.getInterfaces().map((i) => i.name);
  for (const field of fieldsOf(type, sets, fragments)) {
    const name = field.name.value;
    if (name === "__typename") continue;
    const props = readers.get(name);
    if (props) for (const p of props) wanted.add(p);
    // A relationship field reads its own relation by the node's key, nothing of the record.
    else if (!declarationOf(type.name, name, interfaces)) return false;
  }
  return true;
}

/** The fields of selection sets, through fragments whose type condition `type` meets (all of them when `type` is null). */
function* fieldsOf(type: GraphQLNamedType | null, sets: ReadonlyArray<SelectionSetNode | undefined>, fragments: Fragments, depth = 0): Generator<FieldNode> {
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
