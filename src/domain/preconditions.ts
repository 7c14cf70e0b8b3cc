// Write rules as data: what must hold of the graph for a write to land. The caller reads the graph,
// builds a batch on what it read and sends the rules with it; the store checks them INSIDE the
// write's transaction (the embedded store in its write queue, Neo4j in the same executeWrite, with
// the nodes locked), so two concurrent writes cannot both pass a rule that only one of them may.
import type { NodeRef, PropertyValue } from "./graph.js";
import { uidOf } from "./graph.js";
import type { RelationshipType } from "./kinds.js";

/** Relationships a node keeps to one target: a model's own country, an organization's headquarters. */
export const KEPT_TARGET_TYPES = ["ORIGINATES_IN", "HEADQUARTERED_IN"] as const;
export type KeptTargetType = (typeof KEPT_TARGET_TYPES)[number];

/** The closed set of rules a write may carry. */
export type Precondition =
  /**
   * `from` has no `type` relationship to any node but `to`: a model keeps its country, an
   * organization its headquarters. Fails naming the target it holds.
   */
  | { kind: "KEEPS_TARGET"; type: KeptTargetType; from: NodeRef; to: NodeRef }
  /**
   * The named properties of `node` are still as the caller read them (null: absent; a node that
   * did not exist reads as all null). Values that the batch derives from what it read (a fact's
   * sources, the value it supersedes) then rest on the graph as it is; the caller reads again and
   * retries when this fails.
   */
  | { kind: "UNCHANGED"; node: NodeRef; props: Readonly<Record<string, PropertyValue | null>> }
  /**
   * The same for a relationship (a score, an observed value) and the properties its write rests
   * on; a missing relationship reads as all null. Its `from` node need not be written by the batch.
   */
  | { kind: "RELATIONSHIP_UNCHANGED"; type: RelationshipType; from: NodeRef; to: NodeRef; key: string; props: Readonly<Record<string, PropertyValue | null>> };

/** What a store knows of one node when it checks the rules: its properties and its outgoing relationships. */
export interface NodeState {
  /** null when the node does not exist. */
  props: Readonly<Record<string, PropertyValue | null | undefined>> | null;
  /** Its outgoing relationships of the types the rules look at (preconditionTypes), with their keys and properties. */
  out: ReadonlyArray<{ type: string; to: NodeRef; key: string; props: Readonly<Record<string, PropertyValue | null | undefined>> }>;
}

/** A rule that did not hold, and for KEEPS_TARGET the target held instead. */
export interface PreconditionFailure {
  precondition: Precondition;
  held: NodeRef | null;
}

/** The node whose state a rule reads. */
function subjectOf(p: Precondition): NodeRef {
  return p.kind === "UNCHANGED" ? p.node : p.from;
}

/** The nodes whose state the rules need: the stores lock and read these. */
export function preconditionNodes(preconditions: readonly Precondition[]): NodeRef[] {
  const refs = preconditions.map(subjectOf);
  return refs.filter((r, i) => refs.findIndex((o) => uidOf(o) === uidOf(r)) === i);
}

/**
 * A node a rule names that the batch does not write, or null. The stores refuse such a write: they
 * lock (Neo4j: create) a rule's nodes, which is only sound for nodes the write itself writes.
 */
export function preconditionNodeNotWritten(preconditions: readonly Precondition[], written: readonly NodeRef[]): NodeRef | null {
  const uids = new Set(written.map(uidOf));
  return preconditions.filter((p) => p.kind !== "RELATIONSHIP_UNCHANGED").map(subjectOf).find((ref) => !uids.has(uidOf(ref))) ?? null;
}

/**
 * What a store reads of the rules' nodes' outgoing relationships: every relationship of the
 * `anyTarget` types (a kept target may be any node), and of the `pair` types only those to `targets`.
 */
export function preconditionTypes(preconditions: readonly Precondition[]): { anyTarget: string[]; pair: string[]; targets: string[] } {
  const unique = (xs: string[]) => [...new Set(xs)];
  const pairs = preconditions.filter((p) => p.kind === "RELATIONSHIP_UNCHANGED");
  return {
    anyTarget: unique(preconditions.flatMap((p) => (p.kind === "KEEPS_TARGET" ? [p.type] : []))),
    pair: unique(pairs.map((p) => p.type)),
    targets: unique(pairs.map((p) => uidOf(p.to))),
  };
}

function sameValue(a: PropertyValue | null | undefined, b: PropertyValue | null | undefined): boolean {
  if (a === undefined || a === null || b === undefined || b === null) return (a ?? null) === (b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === (b as readonly unknown[])[i]);
  }
  return a === b;
}

/**
 * The first rule that does not hold in `state` (the state of each node of preconditionNodes, by
 * uid), or null when all hold. Both stores call this, so they refuse the same writes alike.
 */
export function failedPrecondition(preconditions: readonly Precondition[], state: ReadonlyMap<string, NodeState>): PreconditionFailure | null {
  for (const p of preconditions) {
    if (p.kind === "KEEPS_TARGET") {
      const other = state.get(uidOf(p.from))?.out.find((r) => r.type === p.type && uidOf(r.to) !== uidOf(p.to));
      if (other) return { precondition: p, held: other.to };
    } else {
      const props =
        p.kind === "UNCHANGED"
          ? (state.get(uidOf(p.node))?.props ?? null)
          : (state.get(uidOf(p.from))?.out.find((r) => r.type === p.type && r.key === p.key && uidOf(r.to) === uidOf(p.to))?.props ?? null);
      const changed = Object.entries(p.props).some(([name, value]) => !sameValue(props?.[name], value));
      if (changed) return { precondition: p, held: null };
    }
  }
  return null;
}
