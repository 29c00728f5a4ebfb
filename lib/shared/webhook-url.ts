// The webhook URL rule, shared by the server (which enforces it) and the console's URL field
// (which checks it before sending). It reads no environment: the server decides the policy from
// its settings (lib/settings/server-settings.ts) and hands it to the page that renders the field.

/** LINE's limit for a webhook URL. */
export const MAX_WEBHOOK_URL_LENGTH = 500;

/** What a deployment allows beyond LINE's URL rules. */
export interface WebhookUrlPolicy {
  /** Only https (LINE's rule); otherwise plain http too, for bots under development. */
  requireHttps: boolean;
}

/** Why `value` cannot be a webhook URL under `policy`, or null when it can. */
export function webhookUrlProblem(value: string, policy: WebhookUrlPolicy): string | null {
  const { requireHttps } = policy;
  if (value.length > MAX_WEBHOOK_URL_LENGTH) {
    return `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters`;
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "must be a valid URL, e.g. https://example.com/webhook";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return requireHttps ? "must start with https://" : "must start with https:// or http://";
  }
  if (requireHttps && url.protocol !== "https:") return "must start with https://";
  if (!url.hostname) return "must name a host";
  if (url.username || url.password) return "must not contain a user name or password";
  return null;
}
