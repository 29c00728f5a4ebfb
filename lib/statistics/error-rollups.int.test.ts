// What error statistics count, on SQLite and PostgreSQL, driven through the real dispatcher and
// the demo bot: only failures made while Use webhook and aggregation were both on, and rollups
// that always equal a recount of the raw attempts.
import { afterEach, describe, expect, it } from "vitest";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import type { DemoBotMode } from "../dev/demo-bot/modes";
import { ALLOW_PRIVATE_TARGETS } from "../dev/testing/allow-private-targets";
import { channelWithDemoBot } from "../dev/testing/channel-with-demo-bot";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { dispatchSettingsFromEnv } from "../dispatch/dispatch-settings";
import { Dispatcher } from "../dispatch/dispatcher";
import { enqueueEvents } from "../events/enqueue-events";
import { rollupHourStart, rollupKey, rollupWindowStart } from "./error-rollups";

describe.each(TEST_PROVIDERS)("error rollups on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  const channelWithBot = (db: Db, mode: DemoBotMode) =>
    channelWithDemoBot(db, { mode, onCleanup: (close) => stops.push(close) });

  async function dispatchAll() {
    const dispatcher = new Dispatcher({
      storage: { database: database().config, thread: false },
      settings: dispatchSettingsFromEnv({
        ...ALLOW_PRIVATE_TARGETS,
        WEBHOOK_POLL_INTERVAL_MS: "50",
        // These tests count what the bots' modes make, not timeouts: the bots answer in this
        // process, which on a saturated machine once stalled past LINE's 2 s and added a
        // request_timeout to the burst's failures. Timeouts have tests of their own.
        WEBHOOK_TIMEOUT_MS: "30000",
      }),
      log: () => {},
    });
    await dispatcher.start();
    await dispatcher.whenIdle();
    await dispatcher.stop();
  }

  async function send(db: Db, channelId: string, count: number) {
    for (let i = 0; i < count; i++) await enqueueEvents(db, channelId, { text: `m${i}` });
    await dispatchAll();
  }

  const totalErrors = async (db: Db, channelId: string) =>
    (await db.errorRollup.aggregate({ where: { channelId }, _sum: { errorCount: true } }))._sum
      .errorCount ?? 0;

  it("counts only failures made while aggregation was on, and keeps them when it goes off", async () => {
    const { db } = database();
    const { channel } = await channelWithBot(db, "error500");

    await send(db, channel.id, 3);
    expect(await db.deliveryAttempt.count({ where: { channelId: channel.id } })).toBe(3);
    expect(await totalErrors(db, channel.id)).toBe(0);

    await updateChannel(db, channel.id, { errorStatisticsAggregation: true }, "tester@example.com");
    // Turning it on does not backfill.
    expect(await totalErrors(db, channel.id)).toBe(0);
    await send(db, channel.id, 2);
    expect(await totalErrors(db, channel.id)).toBe(2);

    await updateChannel(
      db,
      channel.id,
      { errorStatisticsAggregation: false },
      "tester@example.com",
    );
    await send(db, channel.id, 4);
    expect(await totalErrors(db, channel.id)).toBe(2);
    expect(await db.deliveryAttempt.count({ where: { channelId: channel.id } })).toBe(9);
    expect(
      await db.deliveryAttempt.count({ where: { channelId: channel.id, counted: true } }),
    ).toBe(2);
  });

  it("never counts successes", async () => {
    const { db } = database();
    const { channel } = await channelWithBot(db, "ok");
    await updateChannel(db, channel.id, { errorStatisticsAggregation: true }, "tester@example.com");
    await send(db, channel.id, 3);
    expect(
      await db.deliveryAttempt.count({ where: { channelId: channel.id, success: true } }),
    ).toBe(3);
    expect(await db.errorRollup.count()).toBe(0);
  });

  it("rollups equal a recount from the raw attempts after a burst of mixed outcomes", async () => {
    const { db } = database();
    const modes: DemoBotMode[] = ["error500", "error404", "close", "garbage", "redirect", "ok"];
    const channels = [];
    for (const mode of modes) {
      const { channel } = await channelWithBot(db, mode);
      await updateChannel(
        db,
        channel.id,
        { errorStatisticsAggregation: true },
        "tester@example.com",
      );
      channels.push(channel);
    }
    for (let round = 0; round < 8; round++) {
      for (const channel of channels)
        await enqueueEvents(db, channel.id, { text: `burst ${round}` });
    }
    await dispatchAll();

    const attempts = await db.deliveryAttempt.findMany({ where: { success: false } });
    expect(attempts).toHaveLength(8 * 5);
    expect(attempts.every((attempt) => attempt.counted)).toBe(true);
    const recount = new Map<
      string,
      { errorCount: number; firstSeenAt: number; lastSeenAt: number }
    >();
    for (const attempt of attempts) {
      const key = rollupKey({
        channelId: attempt.channelId,
        windowStart: rollupWindowStart(attempt.attemptedAt),
        reason: attempt.reason ?? "",
        detail: attempt.detail ?? "",
      });
      const time = attempt.attemptedAt.getTime();
      const row = recount.get(key) ?? { errorCount: 0, firstSeenAt: time, lastSeenAt: time };
      row.errorCount++;
      row.firstSeenAt = Math.min(row.firstSeenAt, time);
      row.lastSeenAt = Math.max(row.lastSeenAt, time);
      recount.set(key, row);
    }
    const rollups = await db.errorRollup.findMany();
    expect(
      new Map(
        rollups.map((row) => [
          rollupKey(row),
          {
            errorCount: row.errorCount,
            firstSeenAt: row.firstSeenAt.getTime(),
            lastSeenAt: row.lastSeenAt.getTime(),
          },
        ]),
      ),
    ).toEqual(recount);
    // The hourly tier holds the same counts, summed per hour, and how many per-minute rows.
    const perHour = new Map<string, { errorCount: number; windowCount: number }>();
    for (const row of rollups) {
      const key = rollupKey({ ...row, windowStart: rollupHourStart(row.windowStart) });
      const hour = perHour.get(key) ?? { errorCount: 0, windowCount: 0 };
      hour.errorCount += row.errorCount;
      hour.windowCount++;
      perHour.set(key, hour);
    }
    const hours = await db.errorRollupHour.findMany();
    expect(
      new Map(
        hours.map((row) => [
          rollupKey({ ...row, windowStart: row.hourStart }),
          { errorCount: row.errorCount, windowCount: row.windowCount },
        ]),
      ),
    ).toEqual(perHour);
    expect(new Set(rollups.map((row) => `${row.reason}/${row.detail}`))).toEqual(
      new Set([
        "error_status_code/500",
        "error_status_code/404",
        "error_status_code/302",
        "unclassified/Session closed unexpectedly",
        "unclassified/Unclassified webhook dispatch error",
      ]),
    );
  });
});
