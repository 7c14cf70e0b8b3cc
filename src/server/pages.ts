// The bundled web pages (/graphiql, /explore, /stats): static files built by `npm run build:web` into
// public/, served from this host only. Hashed assets are cached for good; the HTML never is. A
// page that is not built is an error like any other (the app's handler answers it, errors.ts).
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Express } from "express";
import { serviceUnavailable } from "../graphql/errors.js";

/**
 * Only this origin, plus what GraphiQL's Monaco editor needs (inline styles, workers, blob: and
 * data: fonts and images): a page that tried to reach another host would fail in the browser.
 */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
].join("; ");

export function servePage(app: Express, mount: string, dir: string): void {
  if (!existsSync(path.join(dir, "index.html"))) {
    app.use(mount, (_req, _res, next) => {
      next(serviceUnavailable(`${mount} is not built: run \`npm run build:web\` (npm install does it through \`npm run build\`).`));
    });
    return;
  }
  app.use(
    mount,
    express.static(dir, {
      index: "index.html",
      setHeaders(res, file) {
        res.setHeader("Content-Security-Policy", PAGE_CSP);
        res.setHeader("Cache-Control", file.includes(`${path.sep}assets${path.sep}`) ? "public, max-age=31536000, immutable" : "no-cache");
      },
    }),
  );
}
