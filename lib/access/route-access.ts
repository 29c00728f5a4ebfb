// Pure: the route table (lib/http/route-table.ts), loaded by the proxy, declares these.
import type { Permission } from "../shared/provider-roles";

/** Who may call a route handler's method. */
export type RouteAccess =
  /** Anyone: signing in (Better Auth checks its own routes), health. */
  | "public"
  /**
   * Anyone, with the signed-in operator as the actor when there is one: accepting an invitation,
   * whose link is the credential but whose answer depends on who opens it.
   */
  | "public-or-operator"
  /** A channel access token, checked by the LINE-compatible routes (lib/http/line-route.ts). */
  | "line-token"
  /** A scraper holding METRICS_TOKEN as a Bearer token (lib/metrics/scrape-access.ts). */
  | "metrics-token"
  /** Any signed-in operator. */
  | "operator"
  /**
   * The signed-in operator's own account: open even to one who must still turn on two-factor
   * sign-in (TWO_FACTOR_REQUIRED), which every other route refuses.
   */
  | "account"
  /** A member of the provider in the path whose role grants the permission. */
  | { provider: Permission }
  /**
   * A member of the provider of the channel in the path whose role grants the permission; with
   * `channelToken`, also a program holding that channel's access token as a Bearer token.
   */
  | { channel: Permission; channelToken?: true };
