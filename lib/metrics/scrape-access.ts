import { createHash, timingSafeEqual } from "node:crypto";

/** Whether a scrape may read `/metrics`: off (no METRICS_TOKEN), refused, or allowed. */
export type ScrapeAccess = "off" | "refused" | "allowed";

const digest = (text: string) => createHash("sha256").update(text).digest();

/**
 * Judges the scrape's Authorization header against METRICS_TOKEN. Compared as digests in
 * constant time: neither the token's length nor its first differing byte shows in the timing.
 */
export function scrapeAccess(authorization: string | null, token: string | null): ScrapeAccess {
  if (token === null) return "off";
  const presented = /^Bearer +(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (presented === undefined) return "refused";
  return timingSafeEqual(digest(presented), digest(token)) ? "allowed" : "refused";
}

export const SCRAPE_REFUSED_MESSAGE = "A Bearer token (METRICS_TOKEN) is required to read metrics";
export const METRICS_OFF_MESSAGE = "Metrics are off: set METRICS_TOKEN to serve them";
