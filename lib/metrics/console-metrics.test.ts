import { describe, expect, it } from "vitest";
import { parsePrometheusText, sample, seriesOf } from "../dev/testing/prometheus-text";
import { OTHER_CHANNELS } from "./channel-label-bound";
import { createConsoleMetrics } from "./console-metrics";
import { metricsSettingsFromEnv } from "./metrics-settings";
import { renderMetrics } from "./render-metrics";
import { scrapeAccess } from "./scrape-access";

const failure = { ok: false, reason: "error_status_code", detail: "500", latencyMs: 12 };

async function scrape(metrics: ReturnType<typeof createConsoleMetrics>) {
  const { text } = await renderMetrics([await metrics.registry.getMetricsAsJSON()]);
  return parsePrometheusText(text);
}

describe("channel labels", () => {
  it("stay within their bound with 1,000 channels, and every attempt is still counted", async () => {
    const metrics = createConsoleMetrics({ channelLabels: true, channelLabelLimit: 100 });
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 1000; i++) metrics.attempted(`channel-${i}`, failure);
    }
    const samples = await scrape(metrics);

    const attempts = seriesOf(samples, "webhook_console_attempts_total");
    expect(attempts).toHaveLength(101);
    expect(attempts.reduce((sum, [, value]) => sum + value, 0)).toBe(2000);
    // The first hundred seen keep their own label; the other 900 share one.
    expect(sample(samples, "webhook_console_attempts_total", { channel: "channel-0" })).toBe(2);
    expect(sample(samples, "webhook_console_attempts_total", { channel: "channel-99" })).toBe(2);
    expect(sample(samples, "webhook_console_attempts_total", { channel: "channel-100" })).toBe(
      undefined,
    );
    expect(sample(samples, "webhook_console_attempts_total", { channel: OTHER_CHANNELS })).toBe(
      1800,
    );
    expect(seriesOf(samples, "webhook_console_attempt_failures_total")).toHaveLength(101);
  });

  it("are absent unless turned on", async () => {
    const metrics = createConsoleMetrics(metricsSettingsFromEnv({}));
    metrics.attempted("channel-1", failure);
    metrics.attempted("channel-2", { ok: true, latencyMs: 3 });
    const samples = await scrape(metrics);
    expect(sample(samples, "webhook_console_attempts_total")).toBe(2);
    expect(
      sample(samples, "webhook_console_attempt_failures_total", {
        reason: "error_status_code",
        detail: "500",
      }),
    ).toBe(1);
    expect(
      sample(samples, "webhook_console_send_duration_seconds_count", { result: "success" }),
    ).toBe(1);
  });
});

describe("scrape access", () => {
  const token = "a-token-of-sixteen-or-more";

  it("is off without a token, refused without the right one, allowed with it", () => {
    expect(scrapeAccess(`Bearer ${token}`, null)).toBe("off");
    expect(scrapeAccess(null, token)).toBe("refused");
    expect(scrapeAccess("Bearer", token)).toBe("refused");
    expect(scrapeAccess(`Basic ${token}`, token)).toBe("refused");
    expect(scrapeAccess(`Bearer ${token}x`, token)).toBe("refused");
    expect(scrapeAccess(`Bearer ${token.slice(1)}`, token)).toBe("refused");
    expect(scrapeAccess(`Bearer ${token}`, token)).toBe("allowed");
    expect(scrapeAccess(`bearer  ${token}`, token)).toBe("allowed");
  });

  it("refuses a token that is short or holds spaces at start-up, naming the variable", () => {
    expect(() => metricsSettingsFromEnv({ METRICS_TOKEN: "short" })).toThrow(/METRICS_TOKEN/);
    expect(() => metricsSettingsFromEnv({ METRICS_TOKEN: "sixteen chars or more" })).toThrow(
      /METRICS_TOKEN/,
    );
    expect(() => metricsSettingsFromEnv({ METRICS_CHANNEL_LABELS: "yes" })).toThrow(
      /METRICS_CHANNEL_LABELS/,
    );
    expect(() => metricsSettingsFromEnv({ METRICS_CHANNEL_LABEL_LIMIT: "0" })).toThrow(
      /METRICS_CHANNEL_LABEL_LIMIT/,
    );
    expect(metricsSettingsFromEnv({ METRICS_TOKEN: token }).token).toBe(token);
  });
});
