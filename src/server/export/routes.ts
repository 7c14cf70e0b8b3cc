// GET /export/graph.graphml and /export/graph.gexf: the whole graph (snapshot), or with
// ?around=<global id>&depth=n the neighborhood of one node, as a file Gephi opens.
import { Router, type Request, type Response } from "express";
import { errorBody, ErrorCode, HTTP_STATUS, STORE_UNAVAILABLE_MESSAGE } from "../../graphql/errors.js";
import { fromGlobalId } from "../../graphql/ids.js";
import { SLICE_LIMITS, StoreUnavailableError, type GraphSlice, type GraphStore } from "../../store/port.js";
import { exportGraphOf, type ExportGraph } from "./export-graph.js";
import { toGexf } from "./gexf.js";
import { toGraphML } from "./graphml.js";

const FORMATS: Record<string, { contentType: string; write: (graph: ExportGraph) => string }> = {
  graphml: { contentType: "application/graphml+xml; charset=utf-8", write: toGraphML },
  gexf: { contentType: "application/gexf+xml; charset=utf-8", write: toGexf },
};

class ExportInputError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** A query parameter as one string (Express gives arrays for repeated ones). */
function param(req: Request, name: string): string | undefined {
  const value = req.query[name];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw new ExportInputError(`give '${name}' once`, ErrorCode.BAD_USER_INPUT, name);
  return value;
}

function intParam(req: Request, name: string, fallback: number, max: number): number {
  const raw = param(req, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || value > max) throw new ExportInputError(`${name} must be an integer from 1 to ${max}, got '${raw}'`, ErrorCode.BAD_USER_INPUT, name);
  return value;
}

/** The slice a request asks for, and a file name (without extension) for it. */
async function sliceFor(req: Request, store: GraphStore): Promise<{ slice: GraphSlice; name: string; title: string }> {
  const around = param(req, "around");
  if (around === undefined) return { slice: await store.snapshot(), name: "ai-actors-graph", title: "AI Actors Graph: the whole graph" };
  const ref = fromGlobalId(around);
  if (!ref) throw new ExportInputError(`'${around}' is not an id of this API`, ErrorCode.BAD_USER_INPUT, "around");
  const depth = intParam(req, "depth", 1, SLICE_LIMITS.maxDepth);
  const limit = intParam(req, "limit", SLICE_LIMITS.maxNodes, SLICE_LIMITS.maxNodes);
  const slice = await store.neighborhood(ref, depth, null, limit);
  if (!slice) throw new ExportInputError(`no node has the id '${around}'`, ErrorCode.NOT_FOUND, "around");
  const name = `ai-actors-graph-${ref.kind}-${ref.key}-depth-${depth}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  return { slice, name, title: `AI Actors Graph: ${ref.kind} ${ref.key} and its neighborhood of depth ${depth}` };
}

export function exportRouter(store: GraphStore, onInternalError: (error: unknown, requestId: string | undefined) => void): Router {
  const router = Router();
  for (const [extension, format] of Object.entries(FORMATS)) {
    router.get(`/graph.${extension}`, async (req: Request, res: Response) => {
      try {
        const { slice, name, title } = await sliceFor(req, store);
        res
          .type(format.contentType)
          .set("Content-Disposition", `attachment; filename="${name}.${extension}"`)
          .set("X-Graph-Truncated", String(slice.truncated))
          .send(format.write(exportGraphOf(slice, title)));
      } catch (error) {
        sendError(res, error, (e) => onInternalError(e, res.locals.requestId as string | undefined));
      }
    });
  }
  return router;
}

/**
 * Errors in the GraphQL-style body every HTTP route of the API answers with (errorBody), with the
 * API's codes: bad parameters 400, unknown node 404, store down 503.
 */
function sendError(res: Response, error: unknown, onInternalError: (error: unknown) => void): void {
  if (error instanceof ExportInputError) {
    res.status(HTTP_STATUS[error.code]).json(errorBody(error.code, error.message, error.field ? { field: error.field } : {}));
  } else if (error instanceof StoreUnavailableError) {
    res.status(HTTP_STATUS.SERVICE_UNAVAILABLE).json(errorBody(ErrorCode.SERVICE_UNAVAILABLE, STORE_UNAVAILABLE_MESSAGE));
  } else {
    onInternalError(error);
    res.status(HTTP_STATUS.INTERNAL_SERVER_ERROR).json(errorBody(ErrorCode.INTERNAL_SERVER_ERROR, "Internal server error"));
  }
}
