// Who sends a request, from its `Authorization: Bearer <key>` header and the keys of KG_API_KEYS.
// Keys are compared as SHA-256 digests with timingSafeEqual, against every key every time, so
// that neither the time taken nor the length of the secret tells an attacker how close a guess was.
import { createHash, timingSafeEqual } from "node:crypto";
import type { ApiKey } from "../config.js";
import { ANONYMOUS, type Auth } from "../graphql/context.js";

const BEARER = /^Bearer[ \t]+([\x21-\x7e]+)[ \t]*$/i;
const INVALID: Auth = Object.freeze({ kind: "invalid" });

function digest(secret: string): Buffer {
  return createHash("sha256").update(secret, "utf8").digest();
}

export type Authenticator = (authorization: string | undefined) => Auth;

/** Builds the check of one set of keys; their digests are computed once, here. */
export function authenticator(keys: readonly ApiKey[]): Authenticator {
  const known = keys.map((k) => ({ curator: k.curator, digest: digest(k.secret) }));
  return (authorization) => {
    if (authorization === undefined || authorization.trim() === "") return ANONYMOUS;
    const match = BEARER.exec(authorization);
    if (!match) return INVALID;
    const presented = digest(match[1]);
    let curator: string | null = null;
    for (const key of known) {
      // No early exit: every request costs the same number of comparisons.
      if (timingSafeEqual(presented, key.digest) && curator === null) curator = key.curator;
    }
    return curator ? { kind: "curator", curator } : INVALID;
  };
}
