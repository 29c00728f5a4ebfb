// The routes under app/, with the methods each file exports and who may call each, built from the
// endpoint definitions (lib/http/endpoints/): the request gate (lib/http/request-gate.ts, applied
// by scripts/serve.mjs before Next takes a request in) answers from it the paths no route serves
// and the methods a route lacks. Next answers a method a route does not export with an empty 405
// without `Allow`, and a method outside its list (PROPFIND, ...) with an empty 400; the gate
// answers both as a 405 in the JSON error shape, with `Allow`. That is the one match of a path
// against the table: a route handler knows its endpoint (route() in lib/http/handler.ts).
// lib/http/route-table.test.ts holds app/'s route files to the definitions.
//
// Pure: no server-only imports, so plain Node (serve.mjs, through tsx) can load it.
import type { RouteAccess } from "../access/route-access";
import { ROUTE_METHODS, type RouteMethod } from "./endpoint";
import { ENDPOINTS } from "./endpoints";

export type { RouteAccess, RouteMethod };
export { ROUTE_METHODS };

type MethodAccess = Partial<Record<RouteMethod, RouteAccess>>;

/** Route patterns as Next writes them (`[id]` one segment, `[...rest]` one or more). */
export const ROUTE_HANDLERS: Readonly<Record<string, MethodAccess>> = ENDPOINTS.reduce<
  Record<string, MethodAccess>
>((table, { path, method, access }) => {
  table[path] = { ...table[path], [method]: access };
  return table;
}, {});

/** The methods a route's file exports. */
export function routeMethods(pattern: string): RouteMethod[] {
  return Object.keys(ROUTE_HANDLERS[pattern] ?? {}) as RouteMethod[];
}

/** The access declared for `method` on the route of `pattern`; HEAD is GET's. */
export function routeAccess(pattern: string, method: string): RouteAccess | null {
  const methods = ROUTE_HANDLERS[pattern];
  if (!methods) return null;
  const key = (method === "HEAD" && !methods.HEAD ? "GET" : method) as RouteMethod;
  return methods[key] ?? null;
}

/**
 * What a route answers besides 405, in `Allow` order (sorted, as Next's own OPTIONS answer): its
 * exports, plus OPTIONS and, with GET, HEAD, which Next implements when a route does not.
 */
export function allowedMethods(exported: readonly RouteMethod[]): RouteMethod[] {
  const allowed = new Set<RouteMethod>([...exported, "OPTIONS"]);
  if (allowed.has("GET")) allowed.add("HEAD");
  return [...allowed].sort();
}

function decodedOrNull(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Each pattern's segments, split once: matching runs for every API request, twice. */
const PATTERNS = Object.keys(ROUTE_HANDLERS).map((pattern) => ({
  pattern,
  parts: pattern.split("/").slice(1),
}));

/**
 * How well a pattern fits the path's segments (decoded; null where a segment does not decode):
 * per segment 0 (literal), 1 (`[id]`), 2 (`[...rest]`); null: no fit.
 */
function rankFit(parts: readonly string[], segments: readonly (string | null)[]): number[] | null {
  const ranks: number[] = [];
  for (const [index, part] of parts.entries()) {
    if (part.startsWith("[...")) {
      return index < segments.length && index === parts.length - 1 ? [...ranks, 2] : null;
    }
    const segment = segments[index];
    if (segment === undefined || segment === "") return null;
    if (part.startsWith("[")) ranks.push(1);
    else if (segment === part) ranks.push(0);
    else return null;
  }
  return parts.length === segments.length ? ranks : null;
}

function moreSpecific(a: number[], b: number[]): boolean {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const [x = 0, y = 0] = [a[i], b[i]];
    if (x !== y) return x < y;
  }
  return a.length > b.length;
}

/**
 * The pattern of the route handler Next would pick for `pathname` (as sent, percent-encoded),
 * or null when none: literal segments win over `[id]`, which wins over `[...rest]`.
 */
export function matchRoute(pathname: string): string | null {
  const sent = pathname.split("/").slice(1);
  if (sent.length > 1 && sent.at(-1) === "") sent.pop();
  // A segment that does not decode matches no literal (null), but still fills an `[id]`.
  const segments = sent.map((segment) =>
    segment === "" ? "" : segment.includes("%") ? decodedOrNull(segment) : segment,
  );
  let best: { pattern: string; ranks: number[] } | null = null;
  for (const { pattern, parts } of PATTERNS) {
    const ranks = rankFit(parts, segments);
    if (ranks && (!best || moreSpecific(ranks, best.ranks))) best = { pattern, ranks };
  }
  return best?.pattern ?? null;
}

/**
 * The path with each segment that is not valid percent-encoding (`%ZZ`, a lone `%`, `%C0%AE`,
 * which is not UTF-8) written with `%25` for its `%`, so it decodes to exactly the text sent;
 * null when every segment decodes. Next decodes dynamic segments before any handler runs and
 * answers a failure with a plain-text 500; with the segment repaired, the handler sees an id
 * that is simply unknown and answers its own 404.
 */
export function repairPercentEncoding(pathname: string): string | null {
  let repaired = false;
  const segments = pathname.split("/").map((segment) => {
    if (decodedOrNull(segment) !== null) return segment;
    repaired = true;
    return segment.replaceAll("%", "%25");
  });
  return repaired ? segments.join("/") : null;
}
