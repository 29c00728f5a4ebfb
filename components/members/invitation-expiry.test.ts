import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatInstant } from "@/lib/i18n/format";
import { MESSAGES } from "@/lib/i18n/messages";
import { daysLeft, describeExpiry as describeWith } from "./invitation-expiry";

const now = new Date("2026-11-27T08:05:09.000Z");
const later = (ms: number) => new Date(now.getTime() + ms).toISOString();
const DAY = 24 * 60 * 60 * 1000;

const t = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "members" });
const ja = createTranslator({ locale: "ja", messages: MESSAGES.ja, namespace: "members" });
const describeExpiry = (expiresAt: string, at: Date) =>
  describeWith(expiresAt, at, t, (value) => formatInstant("en", value));

describe("invitation expiry", () => {
  it("says 7 days for a link just made, though a few milliseconds have passed", () => {
    expect(daysLeft(later(7 * DAY - 50), now)).toBe(7);
    expect(describeExpiry(later(7 * DAY), now)).toBe("in 7 days (until 2026-12-04 17:05:09 UTC+9)");
  });

  it("counts down to one day, then today, never below zero", () => {
    expect(describeExpiry(later(DAY), now)).toBe("in 1 day (until 2026-11-28 17:05:09 UTC+9)");
    expect(describeExpiry(later(60_000), now)).toBe("today (at 2026-11-27 17:06:09 UTC+9)");
    expect(daysLeft(later(-DAY), now)).toBe(0);
  });

  it("says it in Japanese, with Japanese dates", () => {
    const inJapanese = (expiresAt: string) =>
      describeWith(expiresAt, now, ja, (value) => formatInstant("ja", value));
    expect(inJapanese(later(7 * DAY))).toBe("7日後（2026年12月4日 17:05:09 UTC+9まで）");
    expect(inJapanese(later(60_000))).toBe("本日（2026年11月27日 17:06:09 UTC+9）");
  });
});
