// The console's words for why a typed webhook URL is refused. The rule itself (lib/shared/
// webhook-url.ts) is shared with the server and answers in English, as the API does; here each of
// its answers becomes a message key and values, so the field says it in the page's language.
// Pure, for its unit test.

export type WebhookUrlProblemKey =
  | "tooLong"
  | "invalid"
  | "httpsOnly"
  | "httpOrHttps"
  | "hiddenCharacter"
  | "backslash"
  | "noHost"
  | "credentials"
  | "ipv4"
  | "ipv6"
  | "percentEncodedHost"
  | "hostCase"
  | "dotSegments"
  | "httpNotLoopback"
  | "other";

export interface WebhookUrlProblemMessage {
  /** Under `channels.webhookUrl.problems`. */
  key: WebhookUrlProblemKey;
  values: Record<string, string>;
}

/** Each answer of webhookUrlProblem, as written there; the first match wins. */
const PATTERNS: readonly [RegExp, WebhookUrlProblemKey, ...string[]][] = [
  [/^must be at most (\d+) characters$/, "tooLong", "max"],
  [/^must be a valid URL, e\.g\. https:\/\/example\.com\/webhook$/, "invalid"],
  [/^must start with https:\/\/$/, "httpsOnly"],
  [/^must start with https:\/\/ or http:\/\/$/, "httpOrHttps"],
  [
    /^must not contain whitespace, control or invisible characters \(found (U\+[0-9A-F]{4,6})\)$/,
    "hiddenCharacter",
    "character",
  ],
  [/^must not contain a backslash \(\\\)$/, "backslash"],
  [
    /^must name a host right after the two slashes, e\.g\. https:\/\/example\.com\/webhook$/,
    "noHost",
  ],
  [/^must not contain a user name or password$/, "credentials"],
  [/^must write the IPv4 address as (\S+)$/, "ipv4", "host"],
  [/^must write the IPv6 address as (\S+)$/, "ipv6", "host"],
  [/^must not percent-encode the host name$/, "percentEncodedHost"],
  [/^must write the host as (\S+)$/, "hostCase", "host"],
  [/^must not contain \. or \.\. path segments$/, "dotSegments"],
  [
    /^must start with https:\/\/ \(http is allowed only for localhost, 127\.0\.0\.0\/8 and \[::1\]\)$/,
    "httpNotLoopback",
  ],
];

/**
 * The message for one of webhookUrlProblem's answers ("must start with https://"). An answer not
 * known here is shown as the rule wrote it, after the field's name.
 */
export function webhookUrlProblemMessage(problem: string): WebhookUrlProblemMessage {
  for (const [pattern, key, ...names] of PATTERNS) {
    const match = pattern.exec(problem);
    if (match) {
      return {
        key,
        values: Object.fromEntries(names.map((name, index) => [name, match[index + 1] ?? ""])),
      };
    }
  }
  return { key: "other", values: { problem } };
}
