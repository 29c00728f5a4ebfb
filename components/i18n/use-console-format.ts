import { useLocale } from "next-intl";
import { formatCount, formatInstant } from "@/lib/i18n/format";

/**
 * Times (UTC+9) and counts in the page's language, for client and server components alike:
 * `instant(date)` → "2026-11-27 21:06:09" or "2026年11月27日 21:06:09".
 */
export function useConsoleFormat() {
  const locale = useLocale();
  return {
    locale,
    instant: (value: Date | string, precision?: "second" | "minute") =>
      formatInstant(locale, typeof value === "string" ? new Date(value) : value, precision),
    count: (value: number) => formatCount(locale, value),
  };
}
