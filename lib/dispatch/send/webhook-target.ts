import { isIP } from "node:net";

/** Where a webhook goes, once its URL is known to be usable for a request. */
export interface WebhookTarget {
  url: URL;
  secure: boolean;
  /** Host name or IP literal without IPv6 brackets. */
  host: string;
  port: number;
  /** Path and query, as sent in the request line. */
  path: string;
}

// RFC 1123 host names: dot-separated labels of letters, digits and inner hyphens, each at most 63
// characters, at most 253 in all. WHATWG URL parsing is laxer (it takes "bad_host"), which is
// exactly the gap LINE reports as "Invalid URL syntax".
const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/i;

function isValidHostName(host: string): boolean {
  const name = host.endsWith(".") ? host.slice(0, -1) : host;
  return (
    name.length > 0 && name.length <= 253 && name.split(".").every((label) => LABEL.test(label))
  );
}

/** URLs parsed lately: a channel's webhooks all go to one URL, parsed once, not per webhook. */
const parsed = new Map<string, WebhookTarget>();
const PARSED_KEPT = 1024;

/**
 * Parses a stored webhook URL; throws when no request can be made to it. The target is shared
 * between the webhooks sent to the same URL: nothing may change it.
 */
export function parseWebhookTarget(raw: string): WebhookTarget {
  const known = parsed.get(raw);
  if (known) return known;
  const target = Object.freeze(parseTarget(raw));
  // Refused URLs are not kept: they throw before this. Past the bound, start over.
  if (parsed.size >= PARSED_KEPT) parsed.clear();
  parsed.set(raw, target);
  return target;
}

function parseTarget(raw: string): WebhookTarget {
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new TypeError(`unsupported protocol ${url.protocol}`);
  }
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  if (!isIP(host) && !isValidHostName(host)) {
    throw new TypeError(`host "${url.hostname}" is not a valid host name`);
  }
  const secure = url.protocol === "https:";
  return {
    url,
    secure,
    host,
    port: url.port ? Number(url.port) : secure ? 443 : 80,
    path: `${url.pathname}${url.search}`,
  };
}
