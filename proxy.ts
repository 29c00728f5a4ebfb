import { type NextRequest, NextResponse } from "next/server";
import { isLineApiPath, LINE_REQUEST_ID_HEADER, logLineAnswer } from "@/lib/http/line-request-id";
import {
  carriesSessionCookie,
  crossSiteRefusal,
  isStateChanging,
  unsupportedMediaTypeRefusal,
} from "@/lib/http/request-defences";
import { errorResponse } from "@/lib/http/respond";
import {
  allowedMethods,
  matchRoute,
  repairPercentEncoding,
  routeMethods,
} from "@/lib/http/route-table";
import { createNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";
import { httpServerSettingsFromEnv } from "@/lib/settings/http-server-settings";
import { PAGE_PATH_HEADER } from "@/lib/shared/sign-in-return";

// Runs before Next picks a route (Next 16's proxy, formerly middleware), for every path but static
// files, for what Next itself would answer badly and for the console's defences:
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
// - the Content-Security-Policy of pages, with a nonce made for this request: Next reads it from
//   the request's header and puts it on every script it renders; and the path asked for, where
//   a page that needs a session sends the operator after signing in.
//
// What never reaches this proxy is answered by the HTTP server in front of Next
// (scripts/serve.mjs): a Host that is none of the console's (421), a body over 1 MB (413), TRACE
// and TRACK (501) and requests Node's HTTP parser refuses (431, 400), all in the JSON shape; it
// also gives every answer its security headers.

const under = (pathname: string, root: string) => `${pathname}/`.startsWith(`${root}/`);

// Read on first use rather than at load, so that `next build` needs no settings; scripts/serve.mjs
// has refused to start on a bad one already.
let consoleOrigins: readonly string[] | undefined;
const origins = () => {
  consoleOrigins ??= httpServerSettingsFromEnv(process.env).origins;
  return consoleOrigins;
};

/**
 * An answer of the proxy's own. The LINE-compatible API answers everything with an
 * `X-Line-Request-Id` and logs it, so /v2 answers from here do the same (lib/http/line-request-id.ts).
 */
function answer(request: NextRequest, pathname: string, response: Response, started: number) {
  if (!isLineApiPath(pathname)) return response;
  const requestId = logLineAnswer(request.method, pathname, response.status, started);
  response.headers.set(LINE_REQUEST_ID_HEADER, requestId);
  return response;
}

/** On to the route: rewritten when a segment was repaired, with `headers` when given. */
function onward(request: NextRequest, repaired: string | null, headers?: Headers): NextResponse {
  const init = headers ? { request: { headers } } : undefined;
  if (repaired === null) return NextResponse.next(init);
  const url = request.nextUrl.clone();
  url.pathname = repaired;
  return NextResponse.rewrite(url, init);
}

export function proxy(request: NextRequest) {
  const started = performance.now();
  const sent = request.nextUrl.pathname;
  const repaired = repairPercentEncoding(sent);
  const pathname = repaired ?? sent;
  const api = under(pathname, "/api");
  const lineApi = isLineApiPath(pathname);

  if (api || lineApi) {
    const pattern = matchRoute(pathname);
    if (pattern === null)
      return answer(request, pathname, errorResponse(404, "Not found"), started);
    const allowed = allowedMethods(routeMethods(pattern));
    if (!(allowed as string[]).includes(request.method)) {
      const refusal = errorResponse(405, `Method ${request.method} is not allowed`, undefined, {
        allow: allowed.join(", "),
      });
      return answer(request, pathname, refusal, started);
    }
  }
  if (!lineApi && isStateChanging(request.method)) {
    const crossSite = crossSiteRefusal(request.headers, origins(), {
      // A request with the session cookie acts for an operator: it must show where it comes from.
      // Without the cookie (curl, scripts with a Bearer token) it has no authority to borrow.
      requireOrigin: carriesSessionCookie(request.headers.get("cookie")),
    });
    if (crossSite) return errorResponse(403, crossSite);
    const unsupported = api ? unsupportedMediaTypeRefusal(request.headers) : null;
    if (unsupported) return errorResponse(415, unsupported);
  }
  // The API's answers keep the locked-down policy every answer gets (scripts/serve.mjs).
  if (api || lineApi) return onward(request, repaired);

  const policy = pageContentSecurityPolicy(createNonce(), {
    development: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // Where a page that needs a session sends the operator back to after signing in.
  headers.set(PAGE_PATH_HEADER, `${pathname}${request.nextUrl.search}`);
  const response = onward(request, repaired, headers);
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Everything but the build's static files and the icon, which are no pages and change nothing.
  matcher: ["/((?!_next/static|_next/image|favicon.svg).*)"],
};
