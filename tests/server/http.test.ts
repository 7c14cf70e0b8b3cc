// The HTTP server end to end on the embedded store: /graphql, /healthz, /readyz.
import { beforeAll, describe, expect, it } from "vitest";
import { useSeededServer } from "../helpers/server.js";
import { MEMORY_CASE } from "../helpers/stores.js";

describe("HTTP server", () => {
  let url: string;
  const suite = useSeededServer(MEMORY_CASE);
  beforeAll(async () => {
    url = suite.server.url;
  });

  it("serves GraphQL over POST with the store-call count", async () => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ model(slug: "exaone-2-0") { name organization { slug } } }` }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as any;
    expect(body.data.model).toEqual({ name: "EXAONE 2.0", organization: { slug: "lg-ai-research" } });
    expect(body.extensions.stats.storeCalls).toBe(2);
  });

  it("answers health and readiness", async () => {
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: "ok" });
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready", store: "memory" });
  });

  it("answers a bad argument with 400 and BAD_USER_INPUT, without a stack trace", async () => {
    const res = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ models(first: 1000) { totalCount } }` }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(body)).not.toContain("stacktrace");
  });
});
