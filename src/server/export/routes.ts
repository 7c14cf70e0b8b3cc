// GET /export/graph.graphml and /export/graph.gexf: the whole graph (snapshot), or with
// ?around=<global id>&depth=n the neighborhood of one node, as a file Gephi opens.
//
// Exports are priced and cacheable: each is charged to the client's budget by its size (nodes
// plus relationships, EXPORT_POINTS_PER_ELEMENT each) before it is read; the whole graph is
// refused above `maxExportElements`; every export carries an ETag (a hash of what it holds) and
// is answered 304 when the client's If-None-Match still matches; the file is streamed line by
// line rather than built whole in memory.
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Router, type Request, type Response } from "express";
import { badUserInput, notFound, queryTooComplex } from "../../graphql/errors.js";
import { fromGlobalId } from "../../graphql/ids.js";
import { SLICE_LIMITS, type GraphSlice, type GraphStore } from "../../store/port.js";
import { exportGraphOf, type ExportGraph } from "./export-graph.js";
import { gexfLines } from "./gexf.js";
import { graphMLLines } from "./graphml.js";

const FORMATS: Record<string, { contentType: string; lines: (graph: ExportGraph) => Iterable<string> }> = {
  graphml: { contentType: "application/graphml+xml; charset=utf-8", lines: graphMLLines },
  gexf: { contentType: "application/gexf+xml; charset=utf-8", lines: gexfLines },
};

/**
 * Budget points per node or relationship exported: each is written with about ten values (type,
 * label, uid and its properties), and a GraphQL field costs one point.
 */
export const EXPORT_POINTS_PER_ELEMENT = 10;

/**
 * Part of an export's price charged before the store is read, and all a 304 costs: reading and
 * hashing the graph is about a fifth of the work of an export (the XML and the bytes are the rest).
 */
const CONDITIONAL_SHARE = 0.2;

/** Lines are sent in chunks of about this many characters. */
const CHUNK_CHARS = 64 * 1024;

/**
 * Charges the request's client `cost` more points; rejects (RATE_LIMITED) when the budget cannot
 * pay it. The app passes the budget's (server/rate-limit.ts); without one nothing is charged.
 */
export type Charge = (res: Response, cost: number) => Promise<void>;

export interface ExportOptions {
  /** Nodes plus relationships a whole-graph export may hold (Limits.maxExportElements). */
  maxElements: number;
  charge?: Charge;
}

/** A query parameter as one string (Express gives arrays for repeated ones). */
function param(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw badUserInput(`give '${name}' once`, name);
  return value;
}

function intParam(req: Request, name: string, fallback: number, max: number): number {
  const raw = param(req, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) throw badUserInput(`${name} must be an integer from 1 to ${max}, got '${raw}'`, name);
  return value;
}

interface Sliced {
  slice: GraphSlice;
  name: string;
  title: string;
  /** Points still to charge if the export is sent (not answered 304). */
  owed: number;
}

const pointsOf = (elements: number) => Math.max(1, elements * EXPORT_POINTS_PER_ELEMENT);

/**
 * The slice a request asks for, and a file name (without extension) for it, charged before it is
 * read: the whole graph by the store's counts (refused above the cap), a neighborhood by its
 * largest size (SLICE_LIMITS), the rest of its price once it is known to be sent.
 */
async function sliceFor(req: Request, res: Response, store: GraphStore, { maxElements, charge }: Required<ExportOptions>): Promise<Sliced> {
  const around = param(req, "around");
  if (around === undefined) {
    const counts = await store.counts();
    const elements = counts.nodes + counts.relationships;
    if (elements > maxElements) {
      throw queryTooComplex(
        `The whole graph holds ${elements} nodes and relationships; an export may hold at most ${maxElements} (limit "export", KG_EXPORT_MAX_ELEMENTS). Export neighborhoods instead: ?around=<id>&depth=1..${SLICE_LIMITS.maxDepth}.`,
        { limit: "export", max: maxElements, actual: elements },
      );
    }
    const price = pointsOf(elements);
    const upfront = Math.ceil(price * CONDITIONAL_SHARE);
    await charge(res, upfront);
    return { slice: await store.snapshot(), name: "ai-actors-graph", title: "AI Actors Graph: the whole graph", owed: price - upfront };
  }
  const ref = fromGlobalId(around);
  if (!ref) throw badUserInput(`'${around}' is not an id of this API`, "around");
  const depth = intParam(req, "depth", 1, SLICE_LIMITS.maxDepth);
  const limit = intParam(req, "limit", SLICE_LIMITS.maxNodes, SLICE_LIMITS.maxNodes);
  // A neighborhood is small (at most `limit` nodes): its share is charged on the nodes it may hold.
  const upfront = Math.ceil(pointsOf(limit) * CONDITIONAL_SHARE);
  await charge(res, upfront);
  const slice = await store.neighborhood(ref, depth, null, limit);
  if (!slice) throw notFound(`no node has the id '${around}'`, "around");
  const name = `ai-actors-graph-${ref.kind}-${ref.key}-depth-${depth}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  return { slice, name, title: `AI Actors Graph: ${ref.kind} ${ref.key} and its neighborhood of depth ${depth}`, owed: Math.max(0, pointsOf(slice.nodes.length + slice.edges.length) - upfront) };
}

/**
 * Elements hashed per turn of the event loop (the file is written one chunk per turn): an export
 * of the whole graph (12,619 elements, 6.2 MB) made its hash and its file each in one go, about 30
 * and 85 ms of holding the loop while every other request waited; between turns they are read.
 */
const ELEMENTS_PER_TURN = 2_000;

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * A strong ETag of an export: the format, the title and every node and relationship as the store
 * gave them (in their stable order), hashed. The same graph gives the same file, byte for byte.
 */
async function etagOf(extension: string, title: string, slice: GraphSlice): Promise<string> {
  const hash = createHash("sha256").update(`${extension}\n${title}\n${slice.truncated}\n`);
  let hashed = 0;
  for (const element of [...slice.nodes, ...slice.edges]) {
    hash.update(JSON.stringify(element)).update("\n");
    if (++hashed % ELEMENTS_PER_TURN === 0) await nextTurn();
  }
  return `"${hash.digest("base64url").slice(0, 32)}"`;
}

/**
 * Whether If-None-Match names this ETag (RFC 9110 13.1.2: weak comparison, `*` matches any). Not
 * Express's `req.fresh`: that answers no whenever the request says `Cache-Control: no-cache`,
 * which fetch() adds to every conditional request, though an origin server may still answer 304.
 */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => {
    const t = tag.trim();
    return t === "*" || t.replace(/^W\//, "") === etag;
  });
}

/** The lines joined into chunks of about CHUNK_CHARS, each made on a turn of the event loop of its own. */
async function* chunks(lines: Iterable<string>): AsyncGenerator<string> {
  let buffer: string[] = [];
  let size = 0;
  for (const line of lines) {
    buffer.push(line);
    size += line.length + 1;
    if (size >= CHUNK_CHARS) {
      yield buffer.join("\n") + "\n";
      buffer = [];
      size = 0;
      await nextTurn();
    }
  }
  // The last line is the file's final "" (a trailing newline), already ended by the join.
  if (buffer.length > 0) yield buffer.join("\n");
}

/**
 * Errors (bad parameters, an unknown node, the store down, a graph over the cap, a spent budget)
 * are thrown to the app's error handler, which answers them in the one shape of errors.ts
 * (sendError) like every other route.
 */
export function exportRouter(store: GraphStore, options: ExportOptions): Router {
  const settings: Required<ExportOptions> = { charge: async () => undefined, ...options };
  const router = Router();
  for (const [extension, format] of Object.entries(FORMATS)) {
    router.get(`/graph.${extension}`, async (req: Request, res: Response) => {
      const { slice, name, title, owed } = await sliceFor(req, res, store, settings);
      const etag = await etagOf(extension, title, slice);
      // Caches may keep an export, and must ask (If-None-Match) before they reuse it.
      res.set("Cache-Control", "no-cache").set("ETag", etag);
      if (matches(req.headers["if-none-match"], etag)) {
        res.status(304).end();
        return;
      }
      // Not on an error answer (a spent budget): the ETag names the file, not the error.
      res.removeHeader("ETag");
      await settings.charge(res, owed);
      res
        .type(format.contentType)
        .set("ETag", etag)
        .set("Content-Disposition", `attachment; filename="${name}.${extension}"`)
        .set("X-Graph-Truncated", String(slice.truncated));
      try {
        await pipeline(Readable.from(chunks(format.lines(exportGraphOf(slice, title)))), res);
      } catch (error) {
        // A client that goes away mid-file: nothing to answer, the socket is already closed.
        if (res.headersSent) return;
        throw error;
      }
    });
  }
  return router;
}
