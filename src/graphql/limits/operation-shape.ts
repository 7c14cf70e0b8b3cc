// The shape of each operation of a document (depth, aliases, fields, introspection nesting),
// measured once per document with fragments followed. Both limit rules read it.
import { Kind, type DocumentNode, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";

export interface Shape {
  /** Deepest field nesting; `__*` fields and everything under them do not count. */
  depth: number;
  /** Aliased fields, each fragment counted as often as it is spread. */
  aliases: number;
  /** Field selections, each fragment counted as often as it is spread. */
  fields: number;
  /** Deepest nesting of introspection list fields (types > fields > args is 3). */
  introspectionLists: number;
}

/**
 * The list fields of the introspection types. Our schema has no field of these names, so counting
 * them wherever they appear measures introspection nesting without type information.
 */
const INTROSPECTION_LISTS = new Set(["types", "fields", "args", "inputFields", "interfaces", "possibleTypes", "enumValues", "directives"]);

const ZERO: Shape = { depth: 0, aliases: 0, fields: 0, introspectionLists: 0 };

/**
 * Measures selection sets, remembering each fragment's shape: a document whose fragments spread
 * each other twice per level describes 2^n fields in n lines, and must cost n steps to measure.
 */
class Measurer {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly memo = new Map<string, Shape>();
  private readonly visiting = new Set<string>();

  constructor(document: DocumentNode) {
    for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
  }

  selectionSet(set: SelectionSetNode, nesting: number): Shape {
    // Deeper than any limit can allow: stop here instead of recursing into a hostile nest.
    if (nesting > MAX_NESTING) throw new TooDeep();
    let depth = 0;
    let aliases = 0;
    let fields = 0;
    let lists = 0;
    for (const selection of set.selections) {
      let inner: Shape;
      if (selection.kind === Kind.FIELD) {
        const child = selection.selectionSet ? this.selectionSet(selection.selectionSet, nesting + 1) : ZERO;
        const meta = selection.name.value.startsWith("__");
        const isList = INTROSPECTION_LISTS.has(selection.name.value);
        inner = {
          depth: meta ? 0 : 1 + child.depth,
          aliases: child.aliases + (selection.alias ? 1 : 0),
          fields: child.fields + 1,
          introspectionLists: child.introspectionLists + (isList ? 1 : 0),
        };
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        inner = this.selectionSet(selection.selectionSet, nesting + 1);
      } else {
        inner = this.fragment(selection.name.value, nesting);
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      fields += inner.fields;
      lists = Math.max(lists, inner.introspectionLists);
    }
    return { depth, aliases, fields, introspectionLists: lists };
  }

  private fragment(name: string, nesting: number): Shape {
    const known = this.memo.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // Unknown fragments and cycles are other rules' errors; here they add nothing.
    if (!fragment || this.visiting.has(name)) return ZERO;
    this.visiting.add(name);
    try {
      const shape = this.selectionSet(fragment.selectionSet, nesting + 1);
      this.memo.set(name, shape);
      return shape;
    } finally {
      this.visiting.delete(name);
    }
  }
}

/** Nesting (of selection sets and fragment spreads) past which a document counts as too deep to measure. */
const MAX_NESTING = 500;

class TooDeep extends Error {}

export interface OperationShape {
  operation: OperationDefinitionNode;
  /** null when the operation nests deeper than can be measured (it is refused as too deep). */
  shape: Shape | null;
}

const cache = new WeakMap<DocumentNode, OperationShape[]>();

/** The shape of every operation of `document`, measured once per document object. */
export function operationShapes(document: DocumentNode): OperationShape[] {
  let shapes = cache.get(document);
  if (!shapes) {
    const measurer = new Measurer(document);
    shapes = document.definitions
      .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
      .map((operation) => {
        try {
          return { operation, shape: measurer.selectionSet(operation.selectionSet, 0) };
        } catch (error) {
          if (error instanceof TooDeep) return { operation, shape: null };
          throw error;
        }
      });
    cache.set(document, shapes);
  }
  return shapes;
}
