// Per-client budgets, the way GitHub's GraphQL API keeps them: each request is charged its cost (the
// cost analysis of src/graphql/limits/cost.ts, at least 1 point) against its client's budget for
// the current window; a curator's key has a larger budget than an IP. The counters live in a
// rate-limiter-flexible limiter: in memory by default; one of its shared stores (Redis, Postgres ...)
// would let several API instances keep one budget per client (limiterFor). Before a GraphQL request
// is parsed, its documents' size is held from the budget (KG_RATE_LIMIT_POINTS_PER_KB) and given
// back for each operation that passes the limits: reading a document costs the server in
// proportion to its size, so a client whose documents are refused pays for them and reaches 429
// (answered in about a millisecond, before anything is parsed) like any other spender.
import type { ApolloServerPlugin } from "@apollo/server";
import type { Request, RequestHandler, Response } from "express";
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { RateLimitConfig } from "../config.js";
import type { Auth, BudgetState, ClientBudget, Context } from "../graphql/context.js";
import { rateLimited } from "../graphql/errors.js";

/** Who is charged: a curator's key, or else the address the request came from. */
export interface Client {
  id: string;
  keyed: boolean;
}

export function clientOf(auth: Auth, ip: string | undefined): Client {
  // An invalid key counts as no key: made-up keys must not buy fresh budgets.
  if (auth.kind === "curator") return { id: `key:${auth.curator}`, keyed: true };
  return { id: `ip:${ip ?? "unknown"}`, keyed: false };
}

/** The one place a limiter is made: the memory store now, a shared one later (config `store`). */
function limiterFor(config: RateLimitConfig, keyPrefix: string, points: number): RateLimiterAbstract {
  switch (config.store) {
    case "memory":
      return new RateLimiterMemory({ keyPrefix, points, duration: config.windowSeconds });
  }
}

/** rate-limiter-flexible rejects with a RateLimiterRes when over the budget, and with an Error when its store fails. */
function asResult(outcome: unknown): RateLimiterRes {
  if (outcome instanceof RateLimiterRes) return outcome;
  throw outcome;
}

export class Budgets {
  private readonly anonymous: RateLimiterAbstract;
  private readonly keyed: RateLimiterAbstract;

  constructor(readonly config: RateLimitConfig) {
    this.anonymous = limiterFor(config, "budget-ip", config.points);
    this.keyed = limiterFor(config, "budget-key", config.keyedPoints);
  }

  private limiter(client: Client): RateLimiterAbstract {
    return client.keyed ? this.keyed : this.anonymous;
  }

  /** A request's budget: the first point is charged by the middleware, the rest as costs come in. */
  forRequest(client: Client): RequestBudget {
    return new RequestBudget(client, this.limiter(client), this.config.windowSeconds, this.config.pointsPerKb);
  }
}

/** What one request has been charged, and the client's budget after it. */
export class RequestBudget implements ClientBudget {
  private charged = 0;
  private spent = 0;
  /** Points held for the size of documents not (yet) admitted: what their refusal costs. */
  private held = 0;
  private last: { remaining: number; resetAt: Date };

  constructor(
    readonly client: Client,
    private readonly limiter: RateLimiterAbstract,
    private readonly windowSeconds: number,
    private readonly pointsPerKb = 0,
  ) {
    this.last = { remaining: limiter.points, resetAt: new Date(Date.now() + windowSeconds * 1000) };
  }

  state(): BudgetState {
    return { limit: this.limiter.points, cost: this.charged + this.held, ...this.last };
  }

  /** What reading `document` is priced at (its size in KB times the points per KB), 0 for none. */
  documentPoints(document: unknown): number {
    return typeof document === "string" && this.pointsPerKb > 0 ? Math.ceil((Buffer.byteLength(document) * this.pointsPerKb) / 1024) : 0;
  }

  /**
   * Holds the price of reading `documents` (the operations of one request) before any is parsed;
   * rejects with RATE_LIMITED (429, Retry-After), holding nothing, when the budget cannot pay it.
   */
  async hold(documents: readonly unknown[]): Promise<void> {
    const points = documents.reduce<number>((sum, d) => sum + this.documentPoints(d), 0);
    if (points === 0) return;
    const kb = documents.reduce<number>((sum, d) => sum + (typeof d === "string" ? Buffer.byteLength(d) : 0), 0) / 1024;
    const result = await this.consume(points, (left) =>
      rateLimited(
        `Reading this request's ${documents.length === 1 ? "document" : `${documents.length} documents`} (${kb.toFixed(1)} KB) takes ${points} points of your budget first (${this.pointsPerKb} per KB, given back for each operation that passes the limits), more than the ${left} left of your budget of ${this.limiter.points} per ${this.windowSeconds} s; it renews at ${this.last.resetAt.toISOString()}. Refused documents keep what they took.`,
        { budget: this.limiter.points, cost: this.charged + this.held + points, remaining: left, resetAt: this.last.resetAt },
      ),
    );
    this.held += points;
    this.last = result;
  }

  /** `document` passed the limits and will run: what hold() took for it is given back (its cost is charged instead). */
  async admit(document: unknown): Promise<void> {
    const points = Math.min(this.held, this.documentPoints(document));
    if (points <= 0) return;
    this.held -= points;
    const result = await this.limiter.reward(this.client.id, points);
    this.last = { remaining: result.remainingPoints, resetAt: new Date(Date.now() + result.msBeforeNext) };
  }

  /**
   * Takes `points` from the client's budget; when it cannot pay them, gives them back (a refusal
   * costs nothing) and rejects with `refusal(remaining)`.
   */
  private async consume(points: number, refusal: (remaining: number) => Error): Promise<{ remaining: number; resetAt: Date }> {
    const key = this.client.id;
    const result = await this.limiter.consume(key, points).then(asResult, async (outcome: unknown) => {
      const over = asResult(outcome);
      // The limiter counted the points it refused; give them back, so that a refusal costs nothing.
      await this.limiter.reward(key, points);
      const remaining = Math.max(0, this.limiter.points - (over.consumedPoints - points));
      this.last = { remaining, resetAt: new Date(Date.now() + over.msBeforeNext) };
      throw refusal(remaining);
    });
    return { remaining: result.remainingPoints, resetAt: new Date(Date.now() + result.msBeforeNext) };
  }

  /**
   * Adds `cost` to what this request costs, and charges the client what that adds (a request
   * costs at least 1 point). When the budget cannot pay it, nothing of it is charged and this
   * rejects with RATE_LIMITED (429, Retry-After).
   */
  async charge(cost: number): Promise<void> {
    const total = Math.max(1, this.spent + Math.max(0, cost));
    const owed = total - this.charged;
    if (owed <= 0) {
      this.spent += Math.max(0, cost);
      return;
    }
    const result = await this.consume(owed, (left) =>
      rateLimited(
        `This request costs ${total} point${total === 1 ? "" : "s"}, more than the ${left + this.charged} left of your budget of ${this.limiter.points} per ${this.windowSeconds} s; it renews at ${this.last.resetAt.toISOString()}. Smaller pages and fewer levels cost less.`,
        { budget: this.limiter.points, cost: total, remaining: left, resetAt: this.last.resetAt },
      ),
    );
    this.spent += Math.max(0, cost);
    this.charged = total;
    this.last = result;
  }
}

/** The budget headers (GitHub's names): the window's points, what is left, and when it renews (epoch seconds). */
export function budgetHeaders(state: BudgetState): Array<[string, string]> {
  return [
    ["x-ratelimit-limit", String(state.limit)],
    ["x-ratelimit-remaining", String(state.remaining)],
    ["x-ratelimit-reset", String(Math.ceil(state.resetAt.getTime() / 1000))],
  ];
}

function setBudgetHeaders(res: Response, state: BudgetState): void {
  if (res.headersSent) return;
  for (const [name, value] of budgetHeaders(state)) res.setHeader(name, value);
}

interface BudgetLocals {
  budget?: RequestBudget;
}

/**
 * Charges the request's client `cost` more points (an export by its size, say) and updates the
 * budget headers; rejects with RATE_LIMITED (429, Retry-After) when the budget cannot pay it, which
 * the app's error handler answers like any error. A route the budget middleware does not cover
 * charges nothing.
 */
export async function chargeClient(res: Response, cost: number): Promise<void> {
  const budget = (res.locals as BudgetLocals).budget;
  if (!budget) return;
  try {
    await budget.charge(cost);
  } finally {
    setBudgetHeaders(res, budget.state());
  }
}

/** The request's budget, set by budgetMiddleware; undefined on routes it does not cover. */
export function budgetOf(res: Response): RequestBudget | undefined {
  return (res.locals as BudgetLocals).budget;
}

/**
 * Gives each request its client's budget, charges its first point, and sets the budget headers on
 * its response; a client whose budget is spent is answered 429 RATE_LIMITED here, before its
 * request is even parsed. `authOf` says who sent it (a valid key, or not).
 */
export function budgetMiddleware(budgets: Budgets, authOf: (res: Response) => Auth): RequestHandler {
  return async (req, res, next) => {
    const budget = budgets.forRequest(clientOf(authOf(res), req.ip));
    (res.locals as BudgetLocals).budget = budget;
    try {
      await chargeClient(res, 1);
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The GraphQL documents a /graphql request sends: a batch's queries, a POST's query, a GET's `query` parameter. */
function documentsOf(req: Request): unknown[] {
  if (Array.isArray(req.body)) return req.body.map((operation: unknown) => (operation as { query?: unknown } | null)?.query);
  if (req.method === "GET" || req.method === "HEAD") return [req.query.query];
  return [(req.body as { query?: unknown } | undefined)?.query];
}

/**
 * Holds the price of a /graphql request's documents (their size, KG_RATE_LIMIT_POINTS_PER_KB)
 * from its client's budget before Apollo parses any of them, a whole batch at once; a client that
 * cannot pay it is answered 429 RATE_LIMITED here. Each operation that passes the limits gets its
 * part back (RequestBudget.admit, called by the cost limit), so only refused documents pay.
 */
export const documentHold: RequestHandler = async (req, res, next) => {
  const budget = budgetOf(res);
  if (!budget) return next();
  try {
    await budget.hold(documentsOf(req));
  } catch (error) {
    setBudgetHeaders(res, budget.state());
    return next(error);
  }
  next();
};

/**
 * Puts the budget on every GraphQL response: `extensions.rateLimit { cost, remaining, resetAt }`
 * and the headers (Apollo writes its own headers over the middleware's, so they are set here too).
 */
export const budgetPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response, contextValue }) {
        const state = contextValue.budget?.state();
        if (!state) return;
        for (const [name, value] of budgetHeaders(state)) response.http.headers.set(name, value);
        if (response.body.kind !== "single") return;
        const result = response.body.singleResult;
        result.extensions = { ...result.extensions, rateLimit: { cost: state.cost, remaining: state.remaining, resetAt: state.resetAt.toISOString() } };
      },
    };
  },
};
