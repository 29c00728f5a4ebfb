// The security headers of the console's answers (docs/operations.md, "Defences"):
//
// - SECURITY_HEADERS go out with every answer of the server: scripts/serve.mjs adds each one an
//   answer does not set itself, whoever wrote the answer (a page, a route handler, the proxy,
//   Next's own 404 and error pages, a static file, serve.mjs's own refusals).
// - A page sets its own Content-Security-Policy (proxy.ts): pageContentSecurityPolicy, with a
//   nonce made for that one request, which Next puts on every script it renders.
//
// Pure: no server-only imports, so the proxy and plain Node (serve.mjs loads this with tsx) can
// load it.

/**
 * - `Content-Security-Policy` for everything that is not a page (JSON, TSV, static files,
 *   refusals): none of them needs to load anything, or to be framed.
 * - `X-Content-Type-Options: nosniff`: a browser takes every answer as its declared type, so a
 *   JSON answer holding text someone chose is never run as a script or shown as HTML.
 * - `Referrer-Policy: same-origin`: the console's URLs (a deployment's host name, provider and
 *   channel ids) go nowhere else; nothing on another origin needs to know where a visitor came
 *   from, while the console's own requests keep a full Referer.
 * - `X-Frame-Options: DENY`: `frame-ancestors 'none'` for browsers that predate it.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
};

/**
 * The Content-Security-Policy of a console page. Scripts run only with this request's `nonce`
 * (Next adds it to the scripts it renders, React's and its own inline ones included) or when
 * loaded by such a script (`'strict-dynamic'`): no `'unsafe-inline'`, so markup someone manages
 * to inject cannot run a script. Style elements need the nonce too; style attributes are allowed
 * (`style-src-attr`), as React renders them for the chart and the reason colours, and an
 * attribute cannot select and leak what a page shows. Everything else comes from the console's
 * own origin; nothing may frame a page.
 *
 * In development, React needs `eval` for its error overlays and Next's dev server injects its
 * styles without a nonce, as the Next.js guide on CSP notes.
 */
export function pageContentSecurityPolicy(nonce: string, { development = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    development ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce: 128 random bits, base64. */
export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
