// Verification (the Verify button, and LINE's test-webhook API) against real servers: LINE's
// test vocabulary for each reason, and never a recorded attempt or a counted error.
import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import type { DemoBotMode } from "../dev/demo-bot/modes";
import { ALLOW_PRIVATE_TARGETS } from "../dev/testing/allow-private-targets";
import { channelWithDemoBot } from "../dev/testing/channel-with-demo-bot";
import { refusedPort, startDnsServer, startHttpBot } from "../dev/testing/fault-lab";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { dispatchSettingsFromEnv, sendOptionsFrom } from "../dispatch/dispatch-settings";
import { MissingError } from "../errors";
import { createProvider } from "../providers/create-provider";
import { verifyWebhook } from "./verify-webhook";

// The bots listen on 127.0.0.1, so the sender must be allowed there. The slow mode answers after
// 2.5 s; a shorter limit keeps the suite quick.
const allowing = sendOptionsFrom(
  dispatchSettingsFromEnv({ ...ALLOW_PRIVATE_TARGETS, WEBHOOK_TIMEOUT_MS: "1000" }),
);

describe.each(TEST_PROVIDERS)("webhook verification on %s", (provider) => {
  const database = useTestDatabase(provider);
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
  });

  // Aggregation on: verifications must still not be counted.
  const channelWithBot = (db: Db, mode: DemoBotMode) =>
    channelWithDemoBot(db, {
      mode,
      settings: { errorStatisticsAggregation: true },
      onCleanup: (close) => closers.push(close),
    });

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
    const result = await verifyWebhook(db, channel.id, undefined, allowing);
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
    expect(await verifyWebhook(db, channel.id, `${closed.url}/webhook`, allowing)).toMatchObject({
      success: false,
      statusCode: 0,
      reason: "COULD_NOT_CONNECT",
      detail: "Connection failed",
    });
    expect(await db.errorRollup.count()).toBe(0);
  });

  it("needs a webhook URL", async () => {
    const { db } = database();
    const owner = await createProvider(db, { name: "Verify" }, "tester@example.com");
    const channel = await createChannel(db, owner.id, { name: "No URL" }, "tester@example.com");
    await expect(verifyWebhook(db, channel.id, undefined, allowing)).rejects.toBeInstanceOf(
      MissingError,
    );
  });

  // The guard as a production server has it (no WEBHOOK_ALLOW_PRIVATE_TARGETS): the channel's
  // URL names 127.0.0.1, the given endpoint a host name the DNS server resolves to 127.0.0.1.
  it("COULD_NOT_CONNECT for a private target, and the bot sees no connection", async () => {
    const { db } = database();
    const bot = await startHttpBot({ kind: "status", status: 200 });
    closers.push(() => bot.close());
    const dns = await startDnsServer({ mode: "answer", records: { "bot.test": "127.0.0.1" } });
    closers.push(() => dns.close());
    const guarded = sendOptionsFrom(dispatchSettingsFromEnv({ WEBHOOK_DNS_SERVERS: dns.server }));
    const owner = await createProvider(db, { name: "Verify" }, "tester@example.com");
    const channel = await createChannel(
      db,
      owner.id,
      { name: "Private bot" },
      "tester@example.com",
    );
    await updateChannel(
      db,
      channel.id,
      { webhookUrl: `${bot.url}/webhook`, useWebhook: true },
      "tester@example.com",
    );
    const refused = {
      success: false,
      statusCode: 0,
      reason: "COULD_NOT_CONNECT",
      detail: "Connection failed",
    };
    expect(await verifyWebhook(db, channel.id, undefined, guarded)).toMatchObject(refused);
    const endpoint = `https://bot.test:${bot.port}/webhook`;
    expect(await verifyWebhook(db, channel.id, endpoint, guarded)).toMatchObject(refused);
    expect(bot.connections).toBe(0);
    expect(dns.queries.map((query) => query.name)).toContain("bot.test");
    expect(await db.deliveryAttempt.count()).toBe(0);
  });
});
