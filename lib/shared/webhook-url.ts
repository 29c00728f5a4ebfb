// The webhook URL rule, shared by the server (which enforces it) and the console's URL field
// (which checks it before sending). It reads no environment: the server decides the policy from
// its settings (lib/channels/webhook-url-policy.ts) and hands it to the page that renders the field.
//
// A URL that passes is stored as written (trimmed) and the dispatcher parses that same text, so
// the rule refuses every URL whose parsed form would call something other than what it shows:
// WHATWG URL parsing silently drops tabs and newlines, reads `\` as `/`, invents a host from
// `http:///x`, decodes `%61` and numeric forms such as `2130706433` in a host, and resolves
// `/a/../b`. What it still changes is notation only (case of scheme and host, IDN to punycode, a
// default port, `/` for an empty path, percent-encoding of path and query characters). ADR 4.

/** LINE's limit for a webhook URL. */
export const MAX_WEBHOOK_URL_LENGTH = 500;

/** The hosts plain http is allowed for unless the policy requires https everywhere. */
export const LOOPBACK_HOSTS_TEXT = "localhost, 127.0.0.0/8 and [::1]";

/** What a deployment allows beyond LINE's URL rules. */
export interface WebhookUrlPolicy {
  /**
   * true: https for every host, loopback included (LINE's rule). false: https, except that a
   * loopback host (`localhost`, `127.0.0.0/8`, `[::1]`) may use plain http, for bots under
   * development on the console's machine.
   */
  requireHttps: boolean;
}

/**
 * Why a URL is refused: a code (the console's message key, channels.webhookUrl.problems) and
 * what the message names. The API says it in English (describeWebhookUrlRefusal); the console's
 * field in the page's language.
 */
export type WebhookUrlRefusal =
  | { code: "tooLong"; max: number }
  | { code: "invalid" | "httpsOnly" | "httpOrHttps" | "backslash" | "noHost" | "credentials" }
  | { code: "percentEncodedHost" | "dotSegments" | "httpNotLoopback" }
  | { code: "hiddenCharacter"; character: string }
  | { code: "ipv4" | "ipv6" | "hostCase"; host: string };

export type WebhookUrlRefusalCode = WebhookUrlRefusal["code"];

/** The API's words for each refusal (the property, `webhookUrl` or `endpoint`, comes before). */
export function describeWebhookUrlRefusal(refusal: WebhookUrlRefusal): string {
  switch (refusal.code) {
    case "tooLong":
      return `must be at most ${refusal.max} characters`;
    case "invalid":
      return "must be a valid URL, e.g. https://example.com/webhook";
    case "httpsOnly":
      return "must start with https://";
    case "httpOrHttps":
      return "must start with https:// or http://";
    case "hiddenCharacter":
      return `must not contain whitespace, control or invisible characters (found ${refusal.character})`;
    case "backslash":
      return "must not contain a backslash (\\)";
    case "noHost":
      return "must name a host right after the two slashes, e.g. https://example.com/webhook";
    case "credentials":
      return "must not contain a user name or password";
    case "ipv4":
      return `must write the IPv4 address as ${refusal.host}`;
    case "ipv6":
      return `must write the IPv6 address as ${refusal.host}`;
    case "percentEncodedHost":
      return "must not percent-encode the host name";
    case "hostCase":
      return `must write the host as ${refusal.host}`;
    case "dotSegments":
      return "must not contain . or .. path segments";
    case "httpNotLoopback":
      return `must start with https:// (http is allowed only for ${LOOPBACK_HOSTS_TEXT})`;
  }
}

// Whitespace (Unicode separators), control characters (C0, DEL, C1), invisible formatting
// characters (soft hyphen, zero-width and bidirectional marks) and unpaired UTF-16 surrogates:
// none can be seen in the console, and URL parsing drops or rewrites each of them.
const HIDDEN_CHARACTER = /[\p{Z}\p{Cc}\p{Cf}\p{Cs}]/u;

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

/** "U+000A": how a message names a character that cannot be shown. */
function codePointName(character: string): string {
  const code = character.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The authority (between `scheme://` and the path) as written, or null when it is empty. */
function writtenAuthority(value: string): string | null {
  const match = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]+)/i.exec(value);
  return match?.[1] ?? null;
}

/** The host part of a written authority without user info: `[::1]`, `example.com`, ... */
function writtenHost(authority: string): string {
  if (authority.startsWith("[")) {
    const end = authority.indexOf("]");
    return end === -1 ? authority : authority.slice(0, end + 1);
  }
  const colon = authority.indexOf(":");
  return colon === -1 ? authority : authority.slice(0, colon);
}

/** The path as written: after the authority, up to the query or fragment. */
function writtenPath(value: string, authority: string): string {
  const rest = value.slice(value.indexOf("//") + 2 + authority.length);
  return rest.split(/[?#]/, 1)[0] ?? "";
}

/**
 * Why the host as written is not the host the URL calls, or null. Only notation may differ: the
 * case of a name, and a Unicode (IDN) name that is called by its punycode form.
 */
function hostProblem(written: string, parsed: string): WebhookUrlRefusal | null {
  if (IPV4.test(parsed)) {
    return written === parsed ? null : { code: "ipv4", host: parsed };
  }
  if (parsed.startsWith("[")) {
    return written.toLowerCase() === parsed ? null : { code: "ipv6", host: parsed };
  }
  if (written.includes("%")) return { code: "percentEncodedHost" };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range is the point.
  const ascii = /^[\u0000-\u007f]*$/.test(written);
  if (ascii && written.toLowerCase() !== parsed) return { code: "hostCase", host: parsed };
  return null;
}

/**
 * Whether the host, as written, is loopback: exactly `localhost` (any case), a dotted IPv4
 * address in 127.0.0.0/8, or `[::1]`. Names that merely resolve there (`localhost.`,
 * `127.0.0.1.nip.io`) are not: where they lead is up to a resolver.
 */
export function isLoopbackHost(writtenHostName: string, parsedHostName: string): boolean {
  const written = writtenHostName.toLowerCase();
  if (written !== parsedHostName) return false;
  return written === "localhost" || written === "[::1]" || /^127\.\d+\.\d+\.\d+$/.test(written);
}

/** Why `value` cannot be a webhook URL under `policy`, or null when it can. */
export function webhookUrlRefusal(
  value: string,
  policy: WebhookUrlPolicy,
): WebhookUrlRefusal | null {
  const { requireHttps } = policy;
  if (value.length > MAX_WEBHOOK_URL_LENGTH)
    return { code: "tooLong", max: MAX_WEBHOOK_URL_LENGTH };
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { code: "invalid" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { code: requireHttps ? "httpsOnly" : "httpOrHttps" };
  }
  if (requireHttps && url.protocol !== "https:") return { code: "httpsOnly" };

  const hidden = HIDDEN_CHARACTER.exec(value)?.[0];
  if (hidden !== undefined) return { code: "hiddenCharacter", character: codePointName(hidden) };
  if (value.includes("\\")) return { code: "backslash" };
  const authority = writtenAuthority(value);
  if (authority === null || !url.hostname) return { code: "noHost" };
  if (authority.includes("@") || url.username || url.password) return { code: "credentials" };
  const host = writtenHost(authority);
  const problem = hostProblem(host, url.hostname);
  if (problem) return problem;
  if (
    writtenPath(value, authority)
      .split("/")
      .some((segment) => DOT_SEGMENT.test(segment))
  ) {
    return { code: "dotSegments" };
  }
  if (url.protocol === "http:" && !isLoopbackHost(host, url.hostname)) {
    return { code: "httpNotLoopback" };
  }
  return null;
}

/** Why `value` cannot be a webhook URL under `policy`, in the API's words, or null when it can. */
export function webhookUrlProblem(value: string, policy: WebhookUrlPolicy): string | null {
  const refusal = webhookUrlRefusal(value, policy);
  return refusal && describeWebhookUrlRefusal(refusal);
}
