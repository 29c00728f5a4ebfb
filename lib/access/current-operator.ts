import "server-only";
import { auth } from "../auth/auth";
import { sessionCache, sessionCacheKey } from "../auth/session-cache";
import { twoFactorRequiredFor } from "../auth/two-factor-status";
import { db } from "../db/client";
import type { OperatorActor } from "./actor";

/**
 * The signed-in operator of a request, from its session cookie, or null. A session read from the
 * database is remembered for a few seconds (lib/auth/session-cache.ts: how revocation still
 * takes effect).
 */
export async function currentOperator(requestHeaders: Headers): Promise<OperatorActor | null> {
  const key = sessionCacheKey(requestHeaders.get("cookie"));
  if (key === null) return null;
  const cache = sessionCache<OperatorActor>();
  const cached = cache.get(key);
  if (cached) return cached;
  const begun = cache.begin();
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, email, name, consoleAdmin, twoFactorEnabled } = session.user;
  const operator: OperatorActor = {
    kind: "operator",
    userId: id,
    email,
    name,
    consoleAdmin: consoleAdmin === true,
  };
  if (twoFactorEnabled !== true && (await twoFactorRequiredFor(db(), operator))) {
    operator.mustEnableTwoFactor = true;
  }
  cache.keep(begun, key, operator, session.session.expiresAt);
  return operator;
}
