// GET /export/graph.graphml and /export/graph.gexf: the whole graph (snapshot), or with
// ?around=<global id>&depth=n the neighborhood of one node, as a file Gephi opens.
import { Router, type Request, type Response } from "express";
import { badUserInput, notFound } from "../../graphql/errors.js";
import { fromGlobalId } from "../../graphql/ids.js";
import { SLICE_LIMITS, type GraphSlice, type GraphStore } from "../../store/port.js";
import { exportGraphOf, type ExportGraph } from "./export-graph.js";
import { toGexf } from "./gexf.js";
import { toGraphML } from "./graphml.js";

const FORMATS: Record<string, { contentType: string; write: (graph: ExportGraph) => string }> = {
  graphml: { contentType: "application/graphml+xml; charset=utf-8", write: toGraphML },
  gexf: { contentType: "application/gexf+xml; charset=utf-8", write: toGexf },
};

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

/** The slice a request asks for, and a file name (without extension) for it. */
async function sliceFor(req: Request, store: GraphStore): Promise<{ slice: GraphSlice; name: string; title: string }> {
  const around = param(req, "around");
  if (around === undefined) return { slice: await store.snapshot(), name: "ai-actors-graph", title: "AI Actors Graph: the whole graph" };
  const ref = fromGlobalId(around);
  if (!ref) throw badUserInput(`'${around}' is not an id of this API`, "around");
  const depth = intParam(req, "depth", 1, SLICE_LIMITS.maxDepth);
  const limit = intParam(req, "limit", SLICE_LIMITS.maxNodes, SLICE_LIMITS.maxNodes);
  const slice = await store.neighborhood(ref, depth, null, limit);
  if (!slice) throw notFound(`no node has the id '${around}'`, "around");
  const name = `ai-actors-graph-${ref.kind}-${ref.key}-depth-${depth}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  return { slice, name, title: `AI Actors Graph: ${ref.kind} ${ref.key} and its neighborhood of depth ${depth}` };
}

/**
 * Errors (bad parameters, an unknown node, the store down) are thrown to the app's error handler,
 * which answers them in the one shape of errors.ts (sendError) like every other route.
 */
export function exportRouter(store: GraphStore): Router {
  const router = Router();
  for (const [extension, format] of Object.entries(FORMATS)) {
    router.get(`/graph.${extension}`, async (req: Request, res: Response) => {
      const { slice, name, title } = await sliceFor(req, store);
      res
        .type(format.contentType)
        .set("Content-Disposition", `attachment; filename="${name}.${extension}"`)
        .set("X-Graph-Truncated", String(slice.truncated))
        .send(format.write(exportGraphOf(slice, title)));
    });
  }
  return router;
}
