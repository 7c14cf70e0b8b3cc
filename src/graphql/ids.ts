// Global ids: opaque to clients, "Kind:key" in base64url underneath, resolvable by node(id).
import type { NodeRef } from "../domain/graph.js";
import { NODE_KINDS, type NodeKind } from "../domain/kinds.js";

export function toGlobalId(kind: NodeKind, key: string): string {
  return Buffer.from(`${kind}:${key}`, "utf8").toString("base64url");
}

/** The node a global id names, or null when the id is not one of ours. */
export function fromGlobalId(id: string): NodeRef | null {
  const text = Buffer.from(id, "base64url").toString("utf8");
  const at = text.indexOf(":");
  const kind = text.slice(0, at) as NodeKind;
  const key = text.slice(at + 1);
  if (at <= 0 || !NODE_KINDS.includes(kind) || key.length === 0 || toGlobalId(kind, key) !== id) return null;
  return { kind, key };
}

/** Id of a relationship in a graph slice: opaque and stable, not resolvable by node(id). */
export function toEdgeId(rel: { type: string; from: NodeRef; to: NodeRef; key: string }): string {
  return Buffer.from(`${rel.type}|${rel.from.kind}:${rel.from.key}|${rel.to.kind}:${rel.to.key}|${rel.key}`, "utf8").toString("base64url");
}
