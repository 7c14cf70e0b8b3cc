// Reads for everyone: CORS so that notebooks and apps on other origins can call the API (without
// credentials), and GET queries that HTTP caches can keep (Cache-Control, ETag, 304).
//
// Why this does not open CSRF: the API has no ambient credentials. No cookie or session is ever
// set or read; curation needs an `Authorization: Bearer` key, which a browser never attaches by
// itself and which a page on another origin can only send after a CORS preflight. GET runs
// queries only (Apollo answers a mutation sent with GET 405), and a query changes nothing. So the
// one thing CSRF prevention guards against, a browser spending its user's credentials on a
// request a foreign page forged, cannot happen; Apollo's check stays on for every POST.
import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import cors from "cors";
import type { RequestHandler } from "express";
import type { HttpConfig } from "../config.js";
import type { Context } from "../graphql/context.js";

/** Request headers a page on another origin may send: GraphQL's, a key, Apollo's preflight headers, a request id, revalidation. */
const ALLOWED_HEADERS = ["content-type", "authorization", "apollo-require-preflight", "x-apollo-operation-name", "x-request-id", "if-none-match"];

/** Response headers such a page may read: the budget, the request id, the cache validator, export metadata. */
const EXPOSED_HEADERS = ["x-request-id", "x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset", "retry-after", "etag", "x-graph-truncated", "content-disposition", "www-authenticate"];

/**
 * CORS for reads from the configured origins (any by default), never with credentials: no
 * `Access-Control-Allow-Credentials`, so a browser sends no cookie and reads no response that
 * would need one. Preflights are answered here, 204, with how long a browser may keep them.
 */
export function corsReads(config: HttpConfig): RequestHandler {
  return cors({
    origin: config.corsOrigins === "*" ? "*" : [...config.corsOrigins],
    credentials: false,
    methods: ["GET", "HEAD", "POST", "OPTIONS"],
    allowedHeaders: ALLOWED_HEADERS,
    exposedHeaders: EXPOSED_HEADERS,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}

/** The header Apollo's CSRF prevention accepts as proof of a preflight (its `recommendedCsrfPreventionRequestHeaders`). */
const PREFLIGHT_HEADER = "apollo-require-preflight";

/**
 * GET /graphql without Apollo's preflight header (curl, an address bar, graphql-request's GET mode,
 * an HTTP cache) is let through Apollo's CSRF check, for the reasons at the top of this file:
 * a GET can only run a query. POSTs are untouched: a form-like content type is still refused.
 */
export const getQueriesPass: RequestHandler = (req, _res, next) => {
  if ((req.method === "GET" || req.method === "HEAD") && !req.headers[PREFLIGHT_HEADER]) req.headers[PREFLIGHT_HEADER] = "get-query";
  next();
};

/**
 * A successful GET query is cacheable: `Cache-Control: public, max-age=N` and an ETag over its
 * `data` (not over `extensions`, which carry this request's budget and store-call count), so that
 * a revalidation with `If-None-Match` answers 304 (Express compares it, res.send). A GET that
 * failed is `no-store`. POSTs get no cache headers: they are not cacheable by HTTP.
 */
export function getCachePlugin(config: HttpConfig): ApolloServerPlugin<Context> {
  const cacheControl = config.getMaxAgeSeconds > 0 ? `public, max-age=${config.getMaxAgeSeconds}` : "no-cache";
  return {
    async requestDidStart({ request }) {
      if (request.http?.method !== "GET") return;
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          if (errors?.length) {
            response.http.headers.set("cache-control", "no-store");
            return;
          }
          const digest = createHash("sha256").update(JSON.stringify(data ?? null)).digest("base64url").slice(0, 27);
          response.http.headers.set("cache-control", cacheControl);
          response.http.headers.set("etag", `W/"${digest}"`);
        },
      };
    },
  };
}
