// Which properties of the related nodes a relationship field's selection reads, so that the store
// reads only those (issue 15, "projection pushed down"): a three-level walk asking `slug name` of
// 8,000 models no longer has Neo4j serialize, and the driver decode, the twenty-five properties of
// each. The rule is conservative: a selection is projected only when every field it names is known
// to read nothing but the listed properties; anything else reads whole records, as before.
import { getNamedType, isObjectType, type FieldNode, type GraphQLObjectType, type GraphQLOutputType, type SelectionSetNode } from "graphql";
import { declarationOf, type ItemNode, type SelectionReads, type WantedProperties } from "./relation-fields.js";
import { connectionItemSets, fieldsOf, type Fragments } from "./selections.js";
import { recordPropertiesOf } from "./types/node-type.js";

export type { SelectionReads } from "./relation-fields.js";

/** What identifies a node and orders it by name: read whatever the selection, for ids, keys, cursors and relation fields below. */
const ALWAYS = ["uid", "kind", "slug", "code", "name"];

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
  return projection(nodeType, nodeSets, fragments);
}

function wantedProperties({ fieldNodes, returnType, fragments }: FieldSelection): WantedProperties {
  const named = getNamedType(returnType);
  if (!isObjectType(named)) return null;
  const sets = fieldNodes.map((n) => n.selectionSet);
  if (recordPropertiesOf(named.name)) return projection(named, sets, fragments);
  // A connection: its nodes are under `nodes` and `edges { node }`; its other fields (cursors,
  // pageInfo, totalCount) read sort keys, which are names (in ALWAYS) or the relationship's own properties.
  const nodesField = named.getFields().nodes;
  const itemType = nodesField ? getNamedType(nodesField.type) : null;
  if (!itemType || !isObjectType(itemType) || !recordPropertiesOf(itemType.name) || !named.getFields().edges) return null;
  return projection(itemType, connectionItemSets(named, sets, fragments), fragments);
}

/** ALWAYS and what the fields selected on `type` read; null when one of them is not declared. */
function projection(type: GraphQLObjectType, sets: ReadonlyArray<SelectionSetNode | undefined>, fragments: Fragments): WantedProperties {
  const readers = recordPropertiesOf(type.name)!;
  const interfaces = type.getInterfaces().map((i) => i.name);
  const wanted = new Set(ALWAYS);
  for (const field of fieldsOf(type, sets, fragments)) {
    const name = field.name.value;
    if (name === "__typename") continue;
    const props = readers.get(name);
    if (props) for (const p of props) wanted.add(p);
    // A relationship field reads its own relation by the node's key, nothing of the record.
    else if (!declarationOf(type.name, name, interfaces)) return null;
  }
  return [...wanted];
}
