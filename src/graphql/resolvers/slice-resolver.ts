// neighborhood and path: graph slices for visual clients, one store call each.
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { NodeRef } from "../../domain/graph.js";
import type { NodeKind } from "../../domain/kinds.js";
import { SLICE_LIMITS } from "../../store/port.js";
import type { Context } from "../context.js";
import { badUserInput } from "../errors.js";
import { fromGlobalId } from "../ids.js";
import { GraphSlice, NodeType } from "../types/slice-type.js";

function nodeRef(id: string, arg: string): NodeRef {
  const ref = fromGlobalId(id);
  if (!ref) throw badUserInput(`'${id}' is not an id of this API`, arg);
  return ref;
}

function inRange(value: number, min: number, max: number, arg: string): number {
  if (value < min || value > max) throw badUserInput(`${arg} must be from ${min} to ${max}, got ${value}`, arg);
  return value;
}

@Resolver()
export class SliceResolver {
  @Query(() => GraphSlice, {
    nullable: true,
    description: `The nodes within \`depth\` hops of a node (at most ${SLICE_LIMITS.maxDepth}) and the edges among them, relationships taken either way; with \`types\`, the walk passes only through nodes of those types. At most \`limit\` nodes (max ${SLICE_LIMITS.maxNodes}), nearest first; \`truncated\` says when it cut. Null when no node has the id.`,
  })
  async neighborhood(
    @Arg("id", () => ID) id: string,
    @Arg("depth", () => Int, { defaultValue: 1 }) depth: number,
    @Arg("types", () => [NodeType], { nullable: true }) types: NodeKind[] | null,
    @Arg("limit", () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() ctx: Context,
  ): Promise<GraphSlice | null> {
    const center = nodeRef(id, "id");
    inRange(depth, 1, SLICE_LIMITS.maxDepth, "depth");
    inRange(limit, 1, SLICE_LIMITS.maxNodes, "limit");
    const slice = await ctx.store.neighborhood(center, depth, types ?? null, limit);
    if (slice) ctx.loaders.prime(slice.nodes);
    return slice ? GraphSlice.from(slice) : null;
  }

  @Query(() => GraphSlice, {
    nullable: true,
    description: `A shortest path between two nodes of at most \`maxHops\` hops (max ${SLICE_LIMITS.maxHops}), relationships taken either way: its nodes in order and one edge per hop. Of several shortest paths, always the same one. Null when a node is missing or no path is that short.`,
  })
  async path(
    @Arg("from", () => ID) from: string,
    @Arg("to", () => ID) to: string,
    @Arg("maxHops", () => Int, { defaultValue: 4 }) maxHops: number,
    @Ctx() ctx: Context,
  ): Promise<GraphSlice | null> {
    const [start, end] = [nodeRef(from, "from"), nodeRef(to, "to")];
    inRange(maxHops, 1, SLICE_LIMITS.maxHops, "maxHops");
    const slice = await ctx.store.path(start, end, maxHops);
    if (slice) ctx.loaders.prime(slice.nodes);
    return slice ? GraphSlice.from(slice) : null;
  }
}
