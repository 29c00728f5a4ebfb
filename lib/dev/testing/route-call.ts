// Calling a route handler (an export of app/**/route.ts) in process, as Next calls it: with a
// Request for the console's origin and `{ params }` holding the path's dynamic segments, decoded
// as Next decodes them. For the contract tests (lib/http/contract/), which check what a handler
// answers without the HTTP server in front of it.
import "server-only";
import { CLIENT_ADDRESS_HEADER } from "../../auth/auth";
import { matchRoute } from "../../http/route-table";
import { TEST_ORIGIN } from "./route-handles";

/** The segments of a route's path, as Next hands them to its handler. */
export type RouteParams = Record<string, string | string[]>;

/** A route file's export: `route()`'s, `lineRoute()`'s, or Better Auth's. */
export type RouteHandler<Params> = (
  request: Request,
  context: { params: Promise<Params> },
) => Promise<Response>;

export interface RouteCall {
  method: string;
  /** The path and query, percent-encoded as a client sends them. */
  path: string;
  /** A JSON body, serialized here; sent as application/json. */
  json?: unknown;
  /** A body sent byte for byte, as application/json unless `headers` says otherwise. */
  body?: string;
  /** A session's Cookie header; requests with one come from the console's origin, as its pages. */
  cookie?: string;
  headers?: Record<string, string>;
  /** The dynamic segments, when not those `path` fills in the route table's pattern. */
  params?: RouteParams;
}

/** The Request a browser or a script would send for `call`. */
export function requestOf(call: RouteCall): Request {
  const body = call.json === undefined ? call.body : JSON.stringify(call.json);
  const headers: Record<string, string> = {
    // What scripts/serve.mjs sets on every request it hands on: the connection's address.
    [CLIENT_ADDRESS_HEADER]: "127.0.0.1",
    ...(call.cookie === undefined ? {} : { cookie: call.cookie, origin: TEST_ORIGIN }),
    ...(body === undefined ? {} : { "content-type": "application/json" }),
    ...call.headers,
  };
  return new Request(`${TEST_ORIGIN}${call.path}`, { method: call.method, headers, body });
}

/** Calls `handler` with `call`, as Next would for a request that reached it. */
export function callRoute<Params>(
  handler: RouteHandler<Params>,
  call: RouteCall,
): Promise<Response> {
  const params = call.params ?? paramsOf(new URL(`${TEST_ORIGIN}${call.path}`).pathname);
  return handler(requestOf(call), { params: Promise.resolve(params as Params) });
}

/**
 * The dynamic segments `pathname` fills in the pattern of the route that serves it (the route
 * table, which lib/http/route-table.test.ts keeps equal to app/), each decoded as Next does.
 */
export function paramsOf(pathname: string): RouteParams {
  const pattern = matchRoute(pathname);
  if (pattern === null) throw new Error(`no route serves ${pathname}`);
  const segments = pathname.split("/").slice(1);
  const params: RouteParams = {};
  for (const [index, part] of pattern.split("/").slice(1).entries()) {
    const name = /^\[(?:\.\.\.)?(.+)\]$/.exec(part)?.[1];
    if (name === undefined) continue;
    params[name] = part.startsWith("[...")
      ? segments.slice(index).map(decodeURIComponent)
      : decodeURIComponent(segments[index] ?? "");
  }
  return params;
}
