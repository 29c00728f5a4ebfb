// The operational webhook's alert types: the console's own notifications about a provider's
// channels, as Svix, Hookdeck and Convoy name theirs (resource.event). No zod here: the browser's
// settings form imports this list.

/** What an operational webhook may be sent, one type per request. */
export const ALERT_TYPES = [
  "errors.detected",
  "webhook.given_up",
  "channel.paused",
  "channel.resumed",
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

/** Sent by Verify and by nothing else: it checks the endpoint and its signature check. */
export const PING_ALERT_TYPE = "webhook.ping";

/** The types a stored `alertTypes` column selects: every type when null or unreadable. */
export function parseAlertTypes(stored: string | null): AlertType[] {
  if (stored === null) return [...ALERT_TYPES];
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!Array.isArray(parsed)) return [...ALERT_TYPES];
    return ALERT_TYPES.filter((type) => parsed.includes(type));
  } catch {
    return [...ALERT_TYPES];
  }
}
