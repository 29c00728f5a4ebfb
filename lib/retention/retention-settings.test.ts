import { describe, expect, it } from "vitest";
import { settingRefusal } from "../dev/testing/setting-refusal";
import { retentionSettingsFromEnv, retentionWindowsFromEnv } from "./retention-settings";

const refusal = (env: Record<string, string>) => settingRefusal(retentionSettingsFromEnv, env);

describe("retention settings", () => {
  it("default to on: attempts 14 days, per-minute statistics 90, hourly 400, every hour", () => {
    expect(retentionSettingsFromEnv({})).toEqual({
      enabled: true,
      windows: { attemptsDays: 14, minuteRollupsDays: 90, hourRollupsDays: 400 },
      intervalMs: 3_600_000,
    });
    expect(retentionWindowsFromEnv({})).toEqual({
      attemptsDays: 14,
      minuteRollupsDays: 90,
      hourRollupsDays: 400,
    });
  });

  it("read every variable; RETENTION=off keeps everything", () => {
    const env = {
      RETENTION: "off",
      RETENTION_ATTEMPTS_DAYS: "7",
      RETENTION_MINUTE_ROLLUPS_DAYS: "30",
      RETENTION_HOUR_ROLLUPS_DAYS: "30",
      RETENTION_INTERVAL_MS: "60000",
    };
    expect(retentionSettingsFromEnv(env)).toEqual({
      enabled: false,
      windows: { attemptsDays: 7, minuteRollupsDays: 30, hourRollupsDays: 30 },
      intervalMs: 60_000,
    });
    expect(retentionWindowsFromEnv(env)).toBeNull();
    expect(retentionSettingsFromEnv({ RETENTION: "on", RETENTION_INTERVAL_MS: " " }).enabled).toBe(
      true,
    );
  });

  it.each([
    ["RETENTION", "no"],
    ["RETENTION_ATTEMPTS_DAYS", "0"],
    ["RETENTION_ATTEMPTS_DAYS", "2w"],
    ["RETENTION_MINUTE_ROLLUPS_DAYS", "-1"],
    ["RETENTION_HOUR_ROLLUPS_DAYS", "1e3"],
    ["RETENTION_HOUR_ROLLUPS_DAYS", "36501"],
    ["RETENTION_INTERVAL_MS", "1h"],
    // Past Node's longest timer, which would fire at once, over and over.
    ["RETENTION_INTERVAL_MS", "2147483648"],
  ])("refuse %s=%j, naming it", (name, value) => {
    const error = refusal({ [name]: value });
    expect(error.variable).toBe(name);
    expect(error.message).toMatch(new RegExp(`^${name} must be `));
  });

  it("refuse hourly statistics kept shorter than the per-minute ones they summarize", () => {
    const hourSet = refusal({ RETENTION_HOUR_ROLLUPS_DAYS: "30" });
    expect(hourSet.variable).toBe("RETENTION_HOUR_ROLLUPS_DAYS");
    expect(hourSet.message).toBe(
      'RETENTION_HOUR_ROLLUPS_DAYS must be at least RETENTION_MINUTE_ROLLUPS_DAYS (90): hourly statistics summarize the per-minute ones (got "30")',
    );
    // Only the per-minute window was set: that is the one named.
    const minuteSet = refusal({ RETENTION_MINUTE_ROLLUPS_DAYS: "500" });
    expect(minuteSet.variable).toBe("RETENTION_MINUTE_ROLLUPS_DAYS");
    expect(minuteSet.message).toMatch(/must be at most RETENTION_HOUR_ROLLUPS_DAYS \(400\)/);
  });
});
