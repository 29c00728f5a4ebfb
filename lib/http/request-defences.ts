// The console's defences against what a web page can make its operator's browser do, and against
// requests too large to read, as pure rules (docs/operations.md, "Defences"). Two places apply them:
//
// - scripts/serve.mjs, in front of Next, for what must hold for every request whatever its path:
//   the Host (DNS rebinding: 421) and the body size (413), before a byte of the body is read;
// - lib/http/request-gate.ts, applied by the same server to every path: where a state change comes
//   from (CSRF: 403) and that a body is JSON on the API (415), before any route handler runs.
//
// Pure: no server-only imports, so the proxy and plain Node (serve.mjs loads this with tsx) can
// load it.

/** The largest request body the server reads: 1 MB. Larger ones are refused with 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

export const BODY_TOO_LARGE_MESSAGE = `Request body too large: the limit is 1 MB (${MAX_BODY_BYTES} bytes)`;

/** The /v2 answer for a body over the limit, worded as LINE's 413 (whose limit is 2MB). */
export const LINE_BODY_TOO_LARGE_MESSAGE =
  "Request exceeds the max size of 1MB. Make the request smaller than 1MB and try again.";

export const MISDIRECTED_REQUEST_MESSAGE =
  "Misdirected request: the Host header names none of this console's origins (CONSOLE_ORIGIN)";

const DEFAULT_PORTS: Readonly<Record<string, string>> = { "http:": "80", "https:": "443" };

/**
 * The `Host` header values that name one of `origins`, lowercase: `localhost:3000`; for an origin
 * on its scheme's default port, with and without it (`console.example.com`,
 * `console.example.com:443`).
 */
export function allowedHosts(origins: readonly string[]): ReadonlySet<string> {
  const hosts = new Set<string>();
  for (const origin of origins) {
    const url = new URL(origin);
    hosts.add(url.host.toLowerCase());
    const port = DEFAULT_PORTS[url.protocol];
    if (url.port === "" && port) hosts.add(`${url.hostname.toLowerCase()}:${port}`);
  }
  return hosts;
}

/**
 * Whether the server answers a request with this `Host`. A DNS rebinding attack points a name
 * of the attacker's (`attacker.example`) at the console's address, so the operator's browser
 * sends it requests as a page of the attacker's own origin may read; the `Host` it sends is the
 * attacker's name, which is none of the console's.
 */
export function isAllowedHost(host: string | undefined, allowed: ReadonlySet<string>): boolean {
  return host !== undefined && allowed.has(host.toLowerCase());
}

/** Where a request says it is going (RFC 9112 §3.2), or why it is malformed (400). */
export type RequestHost =
  | {
      /** The host the rule above applies to: the target's authority, else the Host header. */
      host: string | undefined;
      /** The target in origin form (path and query) when it came in absolute form, else null. */
      originForm: string | null;
    }
  | { badRequest: string };

/**
 * The host a request asks for. More than one Host header line is a 400 (RFC 9112 §3.2: which
 * one would a proxy in front have read?). A request target in absolute form
 * (`http://host/path`) names its own authority, which a server must use instead of the Host
 * header (§3.2.2): the allowed-host rule applies to it, whatever the Host header says.
 * `rawHeaders` is the request's header lines as names and values in turn (node:http's).
 */
export function requestHost(target: string, rawHeaders: readonly string[]): RequestHost {
  const hosts: string[] = [];
  for (let i = 0; i + 1 < rawHeaders.length; i += 2) {
    if ((rawHeaders[i] as string).toLowerCase() === "host") hosts.push(rawHeaders[i + 1] as string);
  }
  if (hosts.length > 1) return { badRequest: "A request carries one Host header, not several" };
  if (!/^[a-z][a-z0-9+.-]*:/i.test(target)) return { host: hosts[0], originForm: null };
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return { badRequest: "The request target is not a valid URL" };
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.host === "") {
    return { badRequest: "The request target names no http or https authority" };
  }
  // The port a browser would not write for the scheme is left out, as in a Host header.
  return { host: url.host, originForm: `${url.pathname}${url.search}` };
}

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function isStateChanging(method: string): boolean {
  return STATE_CHANGING.has(method.toUpperCase());
}

/** Request headers, as `Headers` and the proxy's request give them. */
export interface HeaderSource {
  get(name: string): string | null;
}

/** The origin of a URL (a Referer), or null when it has none (`about:`, `data:`, not a URL). */
function originOfUrl(text: string): string | null {
  try {
    const { origin } = new URL(text);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Why a state-changing request must be refused as coming from another site, or null to let it
 * through. The request's `Origin` (or, when a browser leaves it out, the origin of its
 * `Referer`) must be one of `origins`; `Origin: null` (sandboxed frames, some redirects) is no
 * origin of ours. Browsers send `Origin` with every cross-origin POST, PUT, PATCH and DELETE,
 * including the "simple" ones (`text/plain`, forms) that need no preflight, and a page cannot
 * forge it.
 *
 * A request with neither header passes unless `requireOrigin`: curl, scripts and SDKs send none,
 * and without a cookie to ride on, a browser cannot lend them the operator's authority.
 */
export function crossSiteRefusal(
  headers: HeaderSource,
  origins: readonly string[],
  { requireOrigin }: { requireOrigin: boolean },
): string | null {
  const origin = headers.get("origin");
  const referer = headers.get("referer");
  if (origin === null && referer === null) {
    return requireOrigin
      ? "Cross-site request refused: a request that changes data must carry an Origin header"
      : null;
  }
  const claimed = origin !== null ? originOfUrl(origin) : originOfUrl(referer ?? "");
  if (claimed !== null && origins.includes(claimed)) return null;
  return origin !== null
    ? "Cross-site request refused: the Origin header is not this console's origin"
    : "Cross-site request refused: the Referer header is not on this console's origin";
}

/** The media type of a Content-Type value: `application/json` of `application/json; charset=utf-8`. */
function mediaTypeOf(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

/**
 * Why the console's JSON API must refuse a request's body as not JSON (415), or null. A
 * `Content-Type` other than `application/json` is refused whether or not a body follows; a body
 * without one is refused too (RFC 9110 lets a server take it as `application/octet-stream`). No
 * body and no `Content-Type` is fine: routes whose body is optional, or that take none, accept
 * that.
 */
export function unsupportedMediaTypeRefusal(headers: HeaderSource): string | null {
  const contentType = headers.get("content-type");
  if (contentType === null) {
    const length = headers.get("content-length");
    const hasBody =
      headers.get("transfer-encoding") !== null || (length !== null && length.trim() !== "0");
    return hasBody ? "A request body must be sent with Content-Type: application/json" : null;
  }
  if (mediaTypeOf(contentType) === "application/json") return null;
  const shown = contentType.length > 100 ? `${contentType.slice(0, 100)}…` : contentType;
  return `Content-Type ${JSON.stringify(shown)} is not supported: send application/json`;
}

/** Better Auth's session cookie (lib/auth/auth.ts), with or without the `__Secure-` prefix. */
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-)?webhook-console\.session_token=/;

/**
 * Whether a request carries the console's session cookie. Such a request changes data with the
 * operator's authority, so it must prove it comes from the console's own pages: with no Origin
 * and no Referer it is refused, as a browser could have been made to send it.
 */
export function carriesSessionCookie(cookieHeader: string | null): boolean {
  return cookieHeader !== null && SESSION_COOKIE.test(cookieHeader);
}
