import { type NextRequest, NextResponse } from "next/server";
import { createNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";
import { PAGE_PATH_HEADER } from "@/lib/shared/sign-in-return";

// Runs before Next renders a page (Next 16's proxy, formerly middleware), for pages only:
// - the Content-Security-Policy of pages, with a nonce made for this request: Next reads it from
//   the request's header and puts it on every script it renders;
// - the path asked for, where a page that needs a session sends the operator after signing in.
//
// Not for /api and /v2: running Next's proxy costs a route handler about as much as the rest of
// Next's own work for it (ADR 23). What every request must pass, pages and API alike (Host, body
// size, CSRF, JSON bodies, unknown paths and methods, broken percent-encoding), is answered by the
// HTTP server in front of Next (scripts/serve.mjs, lib/http/request-gate.ts) before Next takes the
// request in; the API's answers keep the locked-down policy every answer gets there.

export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy(createNonce(), {
    development: process.env.NODE_ENV === "development",
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  headers.set(PAGE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages: not the build's static files and the icon, which are no pages and change nothing, and
  // not the API (/api, /v2) and /metrics, whose every request scripts/serve.mjs has checked.
  matcher: ["/((?!_next/static|_next/image|favicon\\.svg|api(?:/|$)|v2(?:/|$)|metrics(?:/|$)).*)"],
};
