import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { minuteBucketHint, olderPeriodNotes, retentionSentence } from "./retention-notes";

const windows = { attemptsDays: 14, minuteRollupsDays: 90, hourRollupsDays: 400 };
const kept = { perMinuteFrom: "2026-08-29T12:00:00.000Z", hourlyFrom: "2025-10-23T12:00:00.000Z" };
const t = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "statistics" });
const ja = createTranslator({ locale: "ja", messages: MESSAGES.ja, namespace: "statistics" });

describe("the Statistics tab's retention notes", () => {
  it("say how far back each kind of data goes", () => {
    expect(retentionSentence(t, windows)).toBe(
      "Raw delivery attempts are kept 14 days; per-minute statistics 90 days; hourly statistics 400 days.",
    );
    expect(
      retentionSentence(t, { attemptsDays: 1, minuteRollupsDays: 1, hourRollupsDays: 1 }),
    ).toBe(
      "Raw delivery attempts are kept 1 day; per-minute statistics 1 day; hourly statistics 1 day.",
    );
    expect(retentionSentence(t, null)).toMatch(/^Retention is off/);
  });

  it("say it in Japanese too", () => {
    expect(retentionSentence(ja, windows)).toBe(
      "配信試行の生データは14日間、1分ごとの統計情報は90日間、1時間ごとの統計情報は400日間保存されます。",
    );
  });

  it("mark a period reaching before the per-minute cutoff, and before the hourly one, in UTC+9", () => {
    expect(olderPeriodNotes(t, "en", { from: kept.perMinuteFrom }, kept, windows)).toEqual([]);
    expect(olderPeriodNotes(t, "en", { from: "2026-08-29T11:00:00.000Z" }, kept, windows)).toEqual([
      "Per-minute statistics are kept 90 days: before 2026-08-29 21:00 (UTC+9) this period has hourly counts only, from the start of the hour, and no rows in the table by minute.",
    ]);
    // The success-rate view has no LINE table: it loses minute buckets only.
    expect(
      olderPeriodNotes(t, "en", { from: "2026-08-29T11:00:00.000Z" }, kept, windows, "buckets"),
    ).toEqual([
      "Per-minute statistics are kept 90 days: before 2026-08-29 21:00 (UTC+9) this period has hourly counts only, from the start of the hour, and no minute buckets.",
    ]);
    const both = olderPeriodNotes(t, "en", { from: "2025-01-01T00:00:00.000Z" }, kept, windows);
    expect(both).toHaveLength(2);
    expect(both[1]).toBe(
      "Hourly statistics are kept 400 days: nothing before 2025-10-23 21:00 (UTC+9) is counted.",
    );
    expect(olderPeriodNotes(t, "en", { from: "2025-01-01T00:00:00.000Z" }, null, null)).toEqual([]);
  });

  it("write the cutoffs as Japanese dates in Japanese, still in UTC+9", () => {
    const notes = olderPeriodNotes(ja, "ja", { from: "2025-01-01T00:00:00.000Z" }, kept, windows);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toContain("2026年8月29日 21:00 (UTC+9)");
    expect(notes[1]).toBe(
      "1時間ごとの統計情報の保存期間は400日間です。2025年10月23日 21:00 (UTC+9)より前はカウントされません。",
    );
  });

  it("offer no minute buckets before the per-minute cutoff", () => {
    const now = new Date("2026-11-27T12:34:56Z");
    expect(minuteBucketHint(t, { from: "2026-08-29T12:00:00.000Z" }, windows, now)).toBeNull();
    expect(minuteBucketHint(t, { from: "2026-08-29T11:59:00.000Z" }, windows, now)).toBe(
      "Per-minute statistics are kept 90 days",
    );
    expect(minuteBucketHint(t, { from: "2000-01-01T00:00:00.000Z" }, null, now)).toBeNull();
  });
});
