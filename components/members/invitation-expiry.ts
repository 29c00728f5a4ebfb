// How the console words an invitation's expiry. Pure, for the components and their tests.
import { formatUtc9, UTC9_LABEL } from "@/lib/shared/utc9";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whole days left until `expiresAt`, rounded to the nearest: a link made a moment ago for 7
 * days says 7, not 6. At least 0.
 */
export function daysLeft(expiresAt: string, now: Date): number {
  return Math.max(0, Math.round((new Date(expiresAt).getTime() - now.getTime()) / DAY_MS));
}

/** "in 7 days (until 2026-12-04 17:05:09 UTC+9)". */
export function describeExpiry(expiresAt: string, now: Date): string {
  const days = daysLeft(expiresAt, now);
  const until = `${formatUtc9(new Date(expiresAt))} ${UTC9_LABEL}`;
  if (days === 0) return `today (at ${until})`;
  return `in ${days} ${days === 1 ? "day" : "days"} (until ${until})`;
}
