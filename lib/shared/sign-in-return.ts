// Where the sign-in page sends an operator once signed in. Pure: the proxy, the pages and the
// sign-in form use it.

/** Set by the proxy on page requests (never taken from the client): the path and query asked for. */
export const PAGE_PATH_HEADER = "x-webhook-console-page-path";

export const DEFAULT_RETURN_PATH = "/console";

/**
 * `next` when it is a path on this console, else the console's home. Only a single leading `/`
 * is accepted: `//evil.example` and `/\evil.example` are other sites to a browser (an open
 * redirect), and an absolute URL is refused outright.
 */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next?.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) {
    return DEFAULT_RETURN_PATH;
  }
  // Control characters (a newline, a tab) have no place in a path and confuse URL parsers.
  if ([...next].some((char) => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)) {
    return DEFAULT_RETURN_PATH;
  }
  return next;
}

/** The sign-in page's URL that comes back to `path`. */
export function signInPath(path: string | null | undefined): string {
  const back = safeReturnPath(path);
  return back === DEFAULT_RETURN_PATH ? "/sign-in" : `/sign-in?next=${encodeURIComponent(back)}`;
}
