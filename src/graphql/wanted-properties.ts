// Which properties of the related nodes a relationship field's selection reads, so that the store
// reads only those (issue 15, "projection pushed down"): a three-level walk asking `slug name` of
// 8,000 models no longer has Neo4j serialize, and the driver decode, the twenty-five properties of
// each. The rule is conservative: a selection is projected only when every field it names is known
// to read nothing but the listed properties; anything else reads whole records, as before.
import { getNamedType, isObjectType, isUnionType, type FieldNode, type GraphQLObjectType, type GraphQLOutputType, type GraphQLUnionType, type SelectionSetNode } from "graphql";
import type { RelationName } from "../domain/relations.js";
import { readKey } from "../store/batch-key.js";
import type { FirstRead } from "../store/port.js";
import { declarationOf, loadsOf, type ItemNode, type RelationFieldDeclaration, type SelectionReads } from "./relation-fields.js";
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

/** A computed SelectionReads with what it was computed from. */
interface Computed {
  fieldNodes: readonly FieldNode[];
  returnType: GraphQLOutputType;
  item: ItemNode | undefined;
  reads: SelectionReads;
}

/** Most selections kept per first field node (the same field merged with others, or under other types). */
const KEPT_PER_NODE = 8;

/**
 * What selections read, by their first field node. graphql-js hands every parent of one level the
 * same field nodes, and Apollo's document cache hands every request with the same text the same
 * parsed document, so one computation serves every parent of every such request. What a selection
 * reads depends only on its field nodes, their type and the document's fragments (which the nodes'
 * document fixes); it does not depend on variables (a field under @skip or @include is read either way).
 */
const cache = new WeakMap<FieldNode, Computed[]>();

/**
 * What a relationship field's selection reads. `properties`: of the nodes it returns, for a field of
 * an entity type built lazily from records (fieldsOfRecord) or a connection of one, or of items that
 * hold such a node (`item`, from the field's declaration); null otherwise, or when the selection
 * names a field not declared (a resolver that may read any property). `totalCount`: whether a
 * connection's `totalCount` is selected.
 */
export function selectionReads(selection: FieldSelection, item?: ItemNode): SelectionReads {
  const { fieldNodes, returnType } = selection;
  let kept = cache.get(fieldNodes[0]);
  const found = kept?.find((c) => c.returnType === returnType && c.item === item && c.fieldNodes.length === fieldNodes.length && c.fieldNodes.every((n, i) => n === fieldNodes[i]));
  if (found) return found.reads;
  const named = getNamedType(returnType);
  const sets = fieldNodes.map((n) => n.selectionSet);
  const totalCount = isObjectType(named) && [...fieldsOf(named, sets, selection.fragments)].some((f) => f.name.value === "totalCount");
  const held = item && isObjectType(named) && !recordPropertiesOf(named.name);
  const projected = held ? heldProjection(named, item, selection) : wantedProjection(selection);
  const reads = { properties: projected?.properties ?? null, totalCount, wholeRelationships: Boolean(held), firsts: projected?.firsts ?? [] };
  if (!kept) cache.set(fieldNodes[0], (kept = []));
  if (kept.length < KEPT_PER_NODE) kept.push({ fieldNodes: [...fieldNodes], returnType, item, reads });
  return reads;
}

/** A `first` field selected under one response key: its declaration and its field nodes. */
interface FirstField {
  declaration: RelationFieldDeclaration;
  nodes: FieldNode[];
}

/** What a selection reads of its nodes: their properties, and the loads of their `first` fields that a page may carry. */
interface Projection {
  properties: readonly string[];
  firsts: readonly FirstRead[];
}

/** What items holding their node in `item.node` read of it, when their other selected fields are all `item.besides`. */
function heldProjection(type: GraphQLObjectType, item: ItemNode, { fieldNodes, fragments }: FieldSelection): Projection | null {
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

function wantedProjection({ fieldNodes, returnType, fragments }: FieldSelection): Projection | null {
  const named = getNamedType(returnType);
  const sets = fieldNodes.map((n) => n.selectionSet);
  if (isUnionType(named)) return unionProjection(named, sets, fragments);
  if (!isObjectType(named)) return null;
  if (recordPropertiesOf(named.name)) return projection(named, sets, fragments);
  // A connection: its nodes are under `nodes` and `edges { node }`; its other fields (cursors,
  // pageInfo, totalCount) read sort keys, which are names (in ALWAYS) or the relationship's own properties.
  const nodesField = named.getFields().nodes;
  const itemType = nodesField ? getNamedType(nodesField.type) : null;
  if (!itemType || !isObjectType(itemType) || !recordPropertiesOf(itemType.name) || !named.getFields().edges) return null;
  return projection(itemType, connectionItemSets(named, sets, fragments), fragments);
}

/**
 * A union of entity types (search's SearchResult): what every member's selected fields read,
 * together; null when a member is not built from records or selects a field not declared. No first
 * items are carried: a union's nodes do not come from a relation page.
 */
function unionProjection(union: GraphQLUnionType, sets: ReadonlyArray<SelectionSetNode | undefined>, fragments: Fragments): Projection | null {
  const wanted = new Set<string>();
  for (const member of union.getTypes()) {
    const found = recordPropertiesOf(member.name) ? projection(member, sets, fragments) : null;
    if (!found) return null;
    for (const p of found.properties) wanted.add(p);
  }
  return { properties: [...wanted], firsts: [] };
}

/** ALWAYS and what the fields selected on `type` read, with their first-item loads; null when one of them is not declared. */
function projection(type: GraphQLObjectType, sets: ReadonlyArray<SelectionSetNode | undefined>, fragments: Fragments): Projection | null {
  const readers = recordPropertiesOf(type.name)!;
  const interfaces = type.getInterfaces().map((i) => i.name);
  const wanted = new Set(ALWAYS);
  const firstFields = new Map<string, FirstField>();
  for (const field of fieldsOf(type, sets, fragments)) {
    const name = field.name.value;
    if (name === "__typename") continue;
    const props = readers.get(name);
    if (props) {
      for (const p of props) wanted.add(p);
      continue;
    }
    // A relationship field reads its own relation by the node's key, nothing of the record.
    const declaration = declarationOf(type.name, name, interfaces);
    if (!declaration) return null;
    if (declaration.window === "first") {
      // Grouped by response key, as graphql-js gives them to the field's resolver.
      const responseKey = field.alias?.value ?? name;
      const seen = firstFields.get(responseKey);
      if (seen) seen.nodes.push(field);
      else firstFields.set(responseKey, { declaration, nodes: [field] });
    }
  }
  return { properties: [...wanted], firsts: firstLoads(type, firstFields, fragments) };
}

/**
 * The loads that the `first` fields of one level make for each item, exactly as their resolvers
 * will make them (loadsOf over the same field nodes), where a page can carry them: projected, with
 * no first fields of their own below, and one load per relation (a relation asked by two response
 * keys with different selections is read by its resolvers).
 */
function firstLoads(type: GraphQLObjectType, byResponseKey: ReadonlyMap<string, FirstField>, fragments: Fragments): FirstRead[] {
  const byRelation = new Map<RelationName, FirstRead | null>();
  for (const { declaration, nodes } of byResponseKey.values()) {
    const definition = type.getFields()[nodes[0].name.value];
    if (!definition) continue;
    const reads = selectionReads({ fieldNodes: nodes, returnType: definition.type, fragments }, declaration.item);
    for (const { relation, read } of loadsOf(declaration, {}, reads)) {
      const carriable = read.properties !== null && read.relationships !== null && !read.firsts && nodes.every((n) => !n.arguments?.length);
      const seen = byRelation.get(relation);
      const same = seen === undefined || (seen !== null && readKey(seen.read) === readKey(read));
      byRelation.set(relation, carriable && same ? { relation, read } : null);
    }
  }
  return [...byRelation.values()].filter((f): f is FirstRead => f !== null);
}
