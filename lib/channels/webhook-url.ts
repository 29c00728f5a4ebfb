import { z } from "zod";

/** LINE's limit for a webhook URL. */
export const MAX_WEBHOOK_URL_LENGTH = 500;

/**
 * Plain http is allowed by default because bots under development listen on localhost;
 * WEBHOOK_URL_REQUIRE_HTTPS=true restores LINE's https-only rule.
 */
export function webhookUrlRequiresHttps(env = process.env): boolean {
  return env.WEBHOOK_URL_REQUIRE_HTTPS === "true" || env.WEBHOOK_URL_REQUIRE_HTTPS === "1";
}

/** Why `value` cannot be a webhook URL, or null when it can. */
export function webhookUrlProblem(
  value: string,
  requireHttps = webhookUrlRequiresHttps(),
): string | null {
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

/** A webhook URL as stored: trimmed, validated; `null` (or "") clears it. */
export const webhookUrlInput = z
  .string({ error: "must be a string or null" })
  .trim()
  .nullable()
  .transform((value) => (value === "" ? null : value))
  .superRefine((value, ctx) => {
    if (value === null) return;
    const problem = webhookUrlProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });
