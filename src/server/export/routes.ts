// GET /export/graph.graphml and /export/graph.gexf: the whole graph (snapshot), or with
// ?around=<global id>&depth=n the neighborhood of one node, as a file Gephi opens.
//
// Exports are priced and cacheable: each is charged to the client's budget by its size (nodes
// plus relationships, EXPORT_POINTS_PER_ELEMENT each) before it is read; the whole graph is
// refused above `maxExportElements`; every export carries an ETag (a hash of what it holds) and
// is answered 304 when the client's If-None-Match still matches; the file is sent in chunks with
// back-pressure. The whole graph's file is built once per version of the graph and kept
// (built-exports.ts), every stage of a build in turns of the event loop; a neighborhood's is built
// for its request.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Router, type Request, type Response } from "express";
import { badUserInput, notFound, queryTooComplex } from "../../graphql/errors.js";
import { fromGlobalId } from "../../graphql/ids.js";
import { SLICE_LIMITS, type GraphStore } from "../../store/port.js";
import type { WriteCount } from "../../store/write-count.js";
import { BuiltExports, buildExport, type BuiltExport, type Lines } from "./built-exports.js";
import { gexfLines } from "./gexf.js";
import { graphMLLines } from "./graphml.js";

const FORMATS: Record<string, { contentType: string; lines: Lines }> = {
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

const WHOLE_TITLE = "AI Actors Graph: the whole graph";

/**
 * Charges the request's client `cost` more points; rejects (RATE_LIMITED) when the budget cannot
 * pay it. The app passes the budget's (server/rate-limit.ts); without one nothing is charged.
 */
export type Charge = (res: Response, cost: number) => Promise<void>;

export interface ExportOptions {
  /** Nodes plus relationships a whole-graph export may hold (Limits.maxExportElements). */
  maxElements: number;
  charge?: Charge;
  /**
   * The store's write count, when every write to it goes through this process (AppOptions.onlyWriter):
   * the whole graph's file is then kept until the count moves, and neither read nor hashed again.
   */
  writes?: WriteCount | null;
}

type Settings = Required<Omit<ExportOptions, "writes">>;

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

const pointsOf = (elements: number) => Math.max(1, elements * EXPORT_POINTS_PER_ELEMENT);

/** What a request is sent: the file (built, or kept from an earlier request), its name, and the points still owed. */
interface Answer {
  file: BuiltExport;
  name: string;
  /** Points still to charge if the export is sent (not answered 304). */
  owed: number;
}

/**
 * The whole graph, charged by the store's counts before it is read (refused above the cap), the
 * rest of its price once it is known to be sent; built once per version of the graph (BuiltExports).
 */
async function wholeGraph(res: Response, store: GraphStore, built: BuiltExports, extension: string, lines: Lines, { maxElements, charge }: Settings): Promise<Answer> {
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
  return { file: await built.whole(extension, lines, WHOLE_TITLE), name: "ai-actors-graph", owed: price - upfront };
}

/**
 * A neighborhood, charged by its largest size (SLICE_LIMITS) before it is read, the rest of its
 * price once it is known to be sent. Small (at most `limit` nodes): built for each request.
 */
async function neighborhood(req: Request, res: Response, store: GraphStore, around: string, extension: string, lines: Lines, { charge }: Settings): Promise<Answer> {
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
  const title = `AI Actors Graph: ${ref.kind} ${ref.key} and its neighborhood of depth ${depth}`;
  return { file: await buildExport(extension, lines, slice, title), name, owed: Math.max(0, pointsOf(slice.nodes.length + slice.edges.length) - upfront) };
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

/**
 * Errors (bad parameters, an unknown node, the store down, a graph over the cap, a spent budget)
 * are thrown to the app's error handler, which answers them in the one shape of errors.ts
 * (sendError) like every other route.
 */
export function exportRouter(store: GraphStore, options: ExportOptions): Router {
  const settings: Settings = { maxElements: options.maxElements, charge: options.charge ?? (async () => undefined) };
  const built = new BuiltExports(store, options.writes ?? null);
  const router = Router();
  for (const [extension, format] of Object.entries(FORMATS)) {
    router.get(`/graph.${extension}`, async (req: Request, res: Response) => {
      const around = param(req, "around");
      const { file, name, owed } =
        around === undefined ? await wholeGraph(res, store, built, extension, format.lines, settings) : await neighborhood(req, res, store, around, extension, format.lines, settings);
      // Caches may keep an export, and must ask (If-None-Match) before they reuse it.
      res.set("Cache-Control", "no-cache").set("ETag", file.etag);
      if (matches(req.headers["if-none-match"], file.etag)) {
        res.status(304).end();
        return;
      }
      // Not on an error answer (a spent budget): the ETag names the file, not the error.
      res.removeHeader("ETag");
      await settings.charge(res, owed);
      res
        .type(format.contentType)
        .set("ETag", file.etag)
        .set("Content-Disposition", `attachment; filename="${name}.${extension}"`)
        .set("X-Graph-Truncated", String(file.truncated));
      try {
        // Chunked, with back-pressure: a slow client holds its socket, not the event loop.
        await pipeline(Readable.from(file.chunks), res);
      } catch (error) {
        // A client that goes away mid-file: nothing to answer, the socket is already closed.
        if (res.headersSent) return;
        throw error;
      }
    });
  }
  return router;
}
