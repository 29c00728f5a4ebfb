// What every request must pass before Next takes it in, besides its Host and size: applied by the
// HTTP server in front of Next (scripts/serve.mjs) to every path, in plain Node. It was Next's
// proxy (proxy.ts) that did this until it was measured: running Next's proxy costs about as much
// as the rest of Next's work for a request, so it now runs for pages only (ADR 23).
//
// - a path segment that is not valid percent-encoding (`/api/channels/%ZZ`, `/console/provider/%`):
//   Next fails decoding the dynamic segment and answers a plain-text 500. The segment is rewritten
//   to decode to the text sent, so the route's own "not found" answers: the JSON 404 for the API,
//   the 404 page for the console.
// - a method the route does not have: Next answers an empty 405 without `Allow` (or an empty 400
//   for methods outside its list, such as PROPFIND). Here it is a 405 in the JSON error shape with
//   `Allow`, from the route table (lib/http/route-table.ts), for /api and /v2 alike.
// - an /api or /v2 path no route serves: the JSON 404 instead of the HTML page.
// - a state change from another site (CSRF): a POST, PUT, PATCH or DELETE whose Origin (or
//   Referer) is not the console's is refused with 403 before any route handler runs, so nothing
//   is written. Every path but /v2, not only /api: a spelling of an /api path that Next would
//   route but this check did not recognise as /api cannot slip past it. /v2 is exempt: the
//   LINE-compatible API is authenticated by a bearer token, which a browser never adds by itself.
//   A request carrying the session cookie must have an Origin or a Referer at all.
// - a body that is not JSON, on the console's JSON API: 415 (`text/plain` is what a cross-site
//   form or "simple" fetch would send). /v2 answers it with LINE's own 400 (lib/http/line-body.ts).
//
// Pure: no server-only imports (serve.mjs loads it with tsx).
import { isLineApiPath } from "./line-request-id";
import {
  carriesSessionCookie,
  crossSiteRefusal,
  type HeaderSource,
  isStateChanging,
  unsupportedMediaTypeRefusal,
} from "./request-defences";
import { allowedMethods, matchRoute, repairPercentEncoding, routeMethods } from "./route-table";

export interface GateRefusal {
  status: 403 | 404 | 405 | 415;
  message: string;
  /** `Allow`, with a 405. */
  allow?: string;
}

export interface GateVerdict {
  /** Why the request is answered here, or null to let it through. */
  refusal: GateRefusal | null;
  /**
   * The path to hand on, when it differs from the one sent (dot segments resolved, a segment
   * repaired); null when it stands as sent.
   */
  repairedPath: string | null;
  /** The route pattern of an /api, /v2 or /metrics path (for the metrics' route label). */
  pattern: string | null;
}

/**
 * The path as Next routes it: parsed as the URL standard parses it, which resolves dot segments
 * (`/api/channels/../x`, `%2e%2e` too) and reads `\` as `/`. The rules must judge the path Next
 * will serve, not the spelling sent. A request target that is no path (`*`, absolute form) is
 * judged as sent.
 */
function routedPath(sentPath: string): string {
  if (!sentPath.startsWith("/")) return sentPath;
  // The path appended to an origin, so that `//host/…` stays a path rather than naming a host.
  return new URL(`http://gate.invalid${sentPath}`).pathname;
}

const under = (pathname: string, root: string) => `${pathname}/`.startsWith(`${root}/`);

/** The verdict on a request for `sentPath` (its path, without the query, as sent). */
export function gateRequest(
  method: string,
  sentPath: string,
  headers: HeaderSource,
  origins: readonly string[],
): GateVerdict {
  const routed = routedPath(sentPath);
  const pathname = repairPercentEncoding(routed) ?? routed;
  const repairedPath = pathname === sentPath ? null : pathname;
  let pattern: string | null = null;
  const refuse = (refusal: GateRefusal): GateVerdict => ({ refusal, repairedPath, pattern });
  // /metrics is served by a route handler too, and refused here the same way.
  const api = under(pathname, "/api") || under(pathname, "/metrics");
  const lineApi = isLineApiPath(pathname);

  if (api || lineApi) {
    pattern = matchRoute(pathname);
    if (pattern === null) return refuse({ status: 404, message: "Not found" });
    const allowed = allowedMethods(routeMethods(pattern));
    if (!(allowed as string[]).includes(method)) {
      const message = `Method ${method} is not allowed`;
      return refuse({ status: 405, message, allow: allowed.join(", ") });
    }
  }
  if (!lineApi && isStateChanging(method)) {
    const crossSite = crossSiteRefusal(headers, origins, {
      // A request with the session cookie acts for an operator: it must show where it comes from.
      // Without the cookie (curl, scripts with a Bearer token) it has no authority to borrow.
      requireOrigin: carriesSessionCookie(headers.get("cookie")),
    });
    if (crossSite) return refuse({ status: 403, message: crossSite });
    const unsupported = api ? unsupportedMediaTypeRefusal(headers) : null;
    if (unsupported) return refuse({ status: 415, message: unsupported });
  }
  return { refusal: null, repairedPath, pattern };
}
