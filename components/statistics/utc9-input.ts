import { UTC9_OFFSET_MS, utc9Parts } from "@/lib/shared/utc9";

// <input type="datetime-local"> values carry no zone. The console reads and writes them as UTC+9
// wall-clock times, never in the browser's zone, so a shared link means the same everywhere.

const LOCAL_VALUE = /^(\d{4,6})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?$/;

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

/** "2026-11-27T00:00" read in UTC+9 -> "2026-11-26T15:00:00.000Z"; null if not a real time. */
export function utc9InputToIso(value: string): string | null {
  const match = LOCAL_VALUE.exec(value);
  if (!match) return null;
  const part = (index: number) => Number(match[index] ?? 0);
  const [year, month, day, hour, minute] = [part(1), part(2), part(3), part(4), part(5)];
  const second = part(6);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const wallClock = new Date(0);
  wallClock.setUTCFullYear(year, month - 1, day);
  wallClock.setUTCHours(hour, minute, second, 0);
  const instant = new Date(wallClock.getTime() - UTC9_OFFSET_MS);
  if (Number.isNaN(instant.getTime())) return null;
  // Date rolls 2026-02-31 over to March; such a value is not a date the user meant.
  const parts = utc9Parts(instant);
  if (parts.month !== month || parts.day !== day) return null;
  if (parts.hour !== hour || parts.minute !== minute) return null;
  return instant.toISOString();
}

/** An ISO instant as a datetime-local value in UTC+9, to the minute: "2026-11-27T00:00". */
export function isoToUtc9Input(iso: string): string {
  const p = utc9Parts(new Date(iso));
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
