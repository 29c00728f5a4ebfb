// Verification (the Verify button, and LINE's test-webhook API) against real servers: LINE's
// test vocabulary for each reason, and never a recorded attempt or a counted error.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import { type DemoBot, startDemoBot } from "../demo-bot/demo-bot";
import type { DemoBotMode } from "../demo-bot/modes";
import { MissingError } from "../errors";
import { createProvider } from "../providers/create-provider";
import { refusedPort } from "../testing/fault-lab";
import { TEST_PROVIDERS, useTestDatabase } from "../testing/test-database";
import { verifyWebhook } from "./verify-webhook";

describe.each(TEST_PROVIDERS)("webhook verification on %s", (provider) => {
  const database = useTestDatabase(provider);
  const bots: DemoBot[] = [];
  const timeout = process.env.WEBHOOK_TIMEOUT_MS;
  beforeAll(() => {
    // The slow mode answers after 2.5 s; a shorter limit keeps the suite quick.
    process.env.WEBHOOK_TIMEOUT_MS = "1000";
  });
  afterAll(() => {
    process.env.WEBHOOK_TIMEOUT_MS = timeout;
  });
  afterEach(async () => {
    for (const bot of bots.splice(0)) await bot.close();
  });

  async function channelWithBot(db: Db, mode: DemoBotMode) {
    const owner = await createProvider(db, { name: "Verify" });
    const channel = await createChannel(db, owner.id, { name: "Verify bot" });
    const bot = await startDemoBot({
      port: 0,
      initialMode: mode,
      channelSecret: async () =>
        (await db.channel.findUniqueOrThrow({ where: { id: channel.id } })).channelSecret,
    });
    bots.push(bot);
    // Aggregation on: verifications must still not be counted.
    await updateChannel(db, channel.id, {
      webhookUrl: `${bot.url}/webhook`,
      useWebhook: true,
      errorStatisticsAggregation: true,
    });
    return { channel, bot };
  }

  it.each([
    ["ok", { success: true, statusCode: 200, reason: "OK", detail: "200" }],
    ["error500", { success: false, statusCode: 500, reason: "ERROR_STATUS_CODE", detail: "500" }],
    [
      "slow",
      { success: false, statusCode: 0, reason: "REQUEST_TIMEOUT", detail: "Request timeout" },
    ],
    [
      "garbage",
      {
        success: false,
        statusCode: 0,
        reason: "UNCLASSIFIED",
        detail: "Unclassified webhook dispatch error",
      },
    ],
  ] as [DemoBotMode, object][])("%s → %o, not recorded, not counted", async (mode, expected) => {
    const { db } = database();
    const { channel, bot } = await channelWithBot(db, mode);
    const result = await verifyWebhook(db, channel.id);
    expect(result).toMatchObject(expected);
    expect(Number.isNaN(Date.parse(result.timestamp))).toBe(false);
    // The bot got a signed verification webhook that @line/bot-sdk accepted.
    expect(bot.stats()).toMatchObject({ received: 1, validSignatures: 1 });
    expect(await db.deliveryAttempt.count()).toBe(0);
    expect(await db.webhook.count()).toBe(0);
    expect(await db.errorRollup.count()).toBe(0);
  });

  it("COULD_NOT_CONNECT with the error statistics' detail, for a given endpoint", async () => {
    const { db } = database();
    const { channel } = await channelWithBot(db, "ok");
    const closed = await refusedPort();
    expect(await verifyWebhook(db, channel.id, `${closed.url}/webhook`)).toMatchObject({
      success: false,
      statusCode: 0,
      reason: "COULD_NOT_CONNECT",
      detail: "Connection failed",
    });
    expect(await db.errorRollup.count()).toBe(0);
  });

  it("needs a webhook URL", async () => {
    const { db } = database();
    const owner = await createProvider(db, { name: "Verify" });
    const channel = await createChannel(db, owner.id, { name: "No URL" });
    await expect(verifyWebhook(db, channel.id)).rejects.toBeInstanceOf(MissingError);
  });
});
