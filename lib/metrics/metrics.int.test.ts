// What a scrape says after a known mix of outcomes, on both databases: the dispatcher counts
// every attempt by LINE's reason and detail, and the queue's depth is read from the database.
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import type { DemoBotMode } from "../dev/demo-bot/modes";
import { channelWithDemoBot } from "../dev/testing/channel-with-demo-bot";
import { outcomeChannels } from "../dev/testing/outcome-channels";
import { parsePrometheusText, sample } from "../dev/testing/prometheus-text";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { testDispatcher } from "../dev/testing/test-dispatcher";
import { enqueueEvents } from "../events/enqueue-events";
import { createConsoleMetrics } from "./console-metrics";
import { databaseGauges } from "./database-gauges";
import { renderMetrics } from "./render-metrics";

describe.each(TEST_PROVIDERS)("metrics on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  const channelWithBot = (db: Db, mode: DemoBotMode, settings = {}) =>
    channelWithDemoBot(db, { mode, settings, onCleanup: (close) => stops.push(close) });

  async function scrape(
    db: Db,
    metrics = createConsoleMetrics({ channelLabels: false, channelLabelLimit: 1 }),
  ) {
    const { text } = await renderMetrics([
      await metrics.registry.getMetricsAsJSON(),
      await databaseGauges(prismaSql(db)),
    ]);
    return parsePrometheusText(text);
  }

  it("counts a known mix of outcomes exactly, by reason and detail", async () => {
    const { db, config } = database();
    const { ok, failing, unreachable } = await outcomeChannels(db, (close) => stops.push(close));
    for (let i = 0; i < 3; i++) await enqueueEvents(db, ok.id, { text: `ok ${i}` });
    for (let i = 0; i < 2; i++) await enqueueEvents(db, failing.id, { text: `500 ${i}` });
    await enqueueEvents(db, unreachable.id, { text: "nobody there" });

    const metrics = createConsoleMetrics({ channelLabels: false, channelLabelLimit: 1 });
    const before = await scrape(db, metrics);
    expect(sample(before, "webhook_console_queued_webhooks", { state: "pending" })).toBe(6);
    expect(sample(before, "webhook_console_attempts_total")).toBe(0);

    const dispatcher = testDispatcher({ database: config, thread: false }, stops, {}, metrics);
    await dispatcher.start();
    await dispatcher.whenIdle();
    const after = await scrape(db, metrics);

    expect(sample(after, "webhook_console_attempts_total")).toBe(6);
    const failures = (reason: string, detail: string) =>
      sample(after, "webhook_console_attempt_failures_total", { reason, detail });
    expect(failures("error_status_code", "500")).toBe(2);
    expect(failures("could_not_connect", "Connection failed")).toBe(1);
    const durations = (result: string) =>
      sample(after, "webhook_console_send_duration_seconds_count", { result });
    expect(durations("success")).toBe(3);
    expect(durations("failure")).toBe(3);
    expect(sample(after, "webhook_console_queued_webhooks", { state: "pending" })).toBe(0);
    expect(sample(after, "webhook_console_queued_webhooks", { state: "sending" })).toBe(0);
  });

  it("reads webhooks waiting for redelivery apart from those never attempted", async () => {
    const { db, config } = database();
    const failing = await channelWithBot(db, "error500", { webhookRedelivery: true });
    await enqueueEvents(db, failing.channel.id, { text: "will be redelivered" });
    const dispatcher = testDispatcher({ database: config, thread: false }, stops);
    await dispatcher.start();
    await expect
      .poll(async () =>
        sample(await scrape(db), "webhook_console_queued_webhooks", {
          state: "waiting_for_redelivery",
        }),
      )
      .toBe(1);
    await dispatcher.stop();
    await enqueueEvents(db, failing.channel.id, { text: "not yet sent" });
    const samples = await scrape(db);
    expect(sample(samples, "webhook_console_queued_webhooks", { state: "pending" })).toBe(1);
    expect(
      sample(samples, "webhook_console_queued_webhooks", { state: "waiting_for_redelivery" }),
    ).toBe(1);
  });
});
