// The console shows every time in UTC+9, as LINE's does. Japan has no daylight saving time, so
// UTC+9 is a fixed offset and needs no time-zone database.
export const UTC9_OFFSET_MS = 9 * 60 * 60 * 1000;
export const UTC9_LABEL = "UTC+9";

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** The wall-clock parts of an instant in UTC+9. */
export function utc9Parts(instant: Date) {
  const shifted = new Date(instant.getTime() + UTC9_OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };
}

/** "2026-11-27" in UTC+9. */
export function formatUtc9Date(instant: Date): string {
  const p = utc9Parts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "17:05:09" in UTC+9. */
export function formatUtc9Time(instant: Date): string {
  const p = utc9Parts(instant);
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** "2026-11-27 17:05" in UTC+9: to the minute (cut, not rounded), with a four-digit year. */
export function formatUtc9Minute(instant: Date): string {
  const p = utc9Parts(instant);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "2026-11-27 17:05:09" in UTC+9. */
export function formatUtc9(instant: Date): string {
  return `${formatUtc9Date(instant)} ${formatUtc9Time(instant)}`;
}
