import { type NextRequest, NextResponse } from "next/server";
import { errorResponse } from "@/lib/http/respond";
import {
  allowedMethods,
  matchRoute,
  ROUTE_HANDLERS,
  repairPercentEncoding,
} from "@/lib/http/route-table";

// Runs before Next picks a route (Next 16's proxy, formerly middleware), for what Next itself
// would answer badly:
//
// - a path segment that is not valid percent-encoding (`/api/channels/%ZZ`, `/console/provider/%`):
//   Next fails decoding the dynamic segment and answers a plain-text 500. The segment is rewritten
//   to decode to the text sent, so the route's own "not found" answers: the JSON 404 for the API,
//   the 404 page for the console.
// - a method the route does not have: Next answers an empty 405 without `Allow` (or an empty 400
//   for methods outside its list, such as PROPFIND). Here it is a 405 in the JSON error shape with
//   `Allow`, from the route table (lib/http/route-table.ts), for /api and /v2 alike.
// - an /api or /v2 path no route serves: the JSON 404 instead of the HTML page.
//
// What never reaches this proxy is answered by the HTTP server in front of Next
// (scripts/serve.mjs): TRACE, which Next cannot turn into a WHATWG Request (501), and
// requests Node's HTTP parser refuses, such as headers over 16 KiB (431), both in the JSON shape.

const under = (pathname: string, root: string) => `${pathname}/`.startsWith(`${root}/`);

/**
 * An answer of the proxy's own. The LINE-compatible API answers everything with an
 * `X-Line-Request-Id` and logs it (lib/http/line-route.ts, which is server-only and cannot be
 * loaded here), so /v2 answers from here do the same, in the same log format.
 */
function answer(request: NextRequest, pathname: string, response: Response, started: number) {
  if (!under(pathname, "/v2")) return response;
  const requestId = crypto.randomUUID();
  response.headers.set("x-line-request-id", requestId);
  const ms = (performance.now() - started).toFixed(1);
  console.log(`[v2] ${request.method} ${pathname} ${response.status} ${ms} ms ${requestId}`);
  return response;
}

export function proxy(request: NextRequest) {
  const started = performance.now();
  const sent = request.nextUrl.pathname;
  const repaired = repairPercentEncoding(sent);
  const pathname = repaired ?? sent;

  if (under(pathname, "/api") || under(pathname, "/v2")) {
    const pattern = matchRoute(pathname);
    if (pattern === null)
      return answer(request, pathname, errorResponse(404, "Not found"), started);
    const allowed = allowedMethods(ROUTE_HANDLERS[pattern] ?? []);
    if (!(allowed as string[]).includes(request.method)) {
      const refusal = errorResponse(405, `Method ${request.method} is not allowed`, undefined, {
        allow: allowed.join(", "),
      });
      return answer(request, pathname, refusal, started);
    }
  }
  if (repaired === null) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = repaired;
  return NextResponse.rewrite(url);
}

export const config = {
  matcher: ["/api/:path*", "/v2/:path*", "/console/:path*"],
};
