// Who is asking, and may they: the guard every console route handler passes through
// (lib/http/handler.ts), applying the access the route table declares (lib/http/route-table.ts).
import "server-only";
import { authenticateChannelToken } from "../access-tokens/authenticate-channel";
import { TWO_FACTOR_REQUIRED_MESSAGE } from "../auth/two-factor-setting";
import type { SqlSession } from "../db/sql";
import { DomainError, ForbiddenError, NotFoundError, UnauthenticatedError } from "../errors";
import { metricsSettingsFromEnv } from "../metrics/metrics-settings";
import {
  METRICS_OFF_MESSAGE,
  SCRAPE_REFUSED_MESSAGE,
  scrapeAccess,
} from "../metrics/scrape-access";
import type { Permission } from "../shared/provider-roles";
import type { Actor, Grant } from "./actor";
import { authorizeChannel, authorizeProvider, requirePermission } from "./authorize";
import { currentOperator } from "./current-operator";
import type { RouteAccess } from "./route-access";

export const SIGN_IN_REQUIRED_MESSAGE = "Sign in to use the console";

/**
 * The request's grant under `access`, or UnauthenticatedError (no session, or a bad token),
 * NotFoundError (a resource that is not the caller's), ForbiddenError (a role without the right).
 */
export async function guardRequest(
  database: () => SqlSession,
  request: Request,
  access: RouteAccess,
  params: Readonly<Record<string, string | undefined>>,
): Promise<Grant> {
  if (access === "public" || access === "line-token") {
    return { actor: null, providerId: null, role: null };
  }
  if (access === "metrics-token") {
    authorizeScrape(request);
    return { actor: null, providerId: null, role: null };
  }
  if (access === "public-or-operator") {
    return { actor: await currentOperator(request.headers), providerId: null, role: null };
  }
  const sql = database();
  const actor = await identify(sql, request, access);
  if (actor.kind === "operator" && actor.mustEnableTwoFactor && access !== "account") {
    throw new ForbiddenError(TWO_FACTOR_REQUIRED_MESSAGE);
  }
  if (access === "operator" || access === "account") {
    return { actor, providerId: null, role: null };
  }
  if ("provider" in access) {
    return authorizeProvider(sql, actor, params.providerId ?? "", access.provider);
  }
  return authorizeChannel(sql, actor, params.channelId ?? "", access.channel);
}

/** A scrape of `/metrics`: 404 while METRICS_TOKEN is unset, 401 without it. */
function authorizeScrape(request: Request): void {
  const access = scrapeAccess(request.headers.get("authorization"), metricsSettingsFromEnv().token);
  if (access === "off") throw new DomainError("not_found", METRICS_OFF_MESSAGE);
  if (access === "refused") throw new UnauthenticatedError(SCRAPE_REFUSED_MESSAGE);
}

/** The session's operator; on routes that accept one, a channel's Bearer token instead. */
async function identify(sql: SqlSession, request: Request, access: RouteAccess): Promise<Actor> {
  const acceptsToken = typeof access === "object" && "channel" in access && access.channelToken;
  if (acceptsToken && request.headers.has("authorization")) {
    const token = await authenticateChannelToken(sql, request.headers.get("authorization"));
    return { kind: "channel-token", ...token };
  }
  const operator = await currentOperator(request.headers);
  if (!operator) throw new UnauthenticatedError(SIGN_IN_REQUIRED_MESSAGE);
  return operator;
}

/** For handlers of routes whose access names no provider: the operator, or 401. */
export function requireOperator(grant: Grant) {
  if (grant.actor?.kind !== "operator") throw new UnauthenticatedError(SIGN_IN_REQUIRED_MESSAGE);
  return grant.actor;
}

/** A route reached under a path the table does not know: refused as absent, never served. */
export function unknownRoute(pathname: string): NotFoundError {
  return new NotFoundError("Route", pathname);
}

/** For a handler whose request needs more than the route's declared permission (a rename). */
export function requireGrantPermission(grant: Grant, permission: Permission): void {
  if (!grant.role) throw new UnauthenticatedError(SIGN_IN_REQUIRED_MESSAGE);
  requirePermission(grant.role, permission);
}
