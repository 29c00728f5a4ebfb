// The attempt detail on SQLite and PostgreSQL: a webhook really sent by the dispatcher to a bot
// that records what it received, read back as the detail shows it. The rebuilt body must be the
// very bytes the bot got, and the stored signature their HMAC, until the secret is reissued.
import { validateSignature } from "@line/bot-sdk";
import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { getChannelSecret } from "../channels/get-channel";
import { reissueChannelSecret } from "../channels/reissue-channel-secret";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import { ALLOW_PRIVATE_TARGETS } from "../dev/testing/allow-private-targets";
import { type HttpBehaviour, startHttpBot } from "../dev/testing/fault-lab";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { dispatchSettingsFromEnv } from "../dispatch/dispatch-settings";
import { Dispatcher } from "../dispatch/dispatcher";
import { NotFoundError } from "../errors";
import { enqueueEvents } from "../events/enqueue-events";
import { createProvider } from "../providers/create-provider";
import { getWebhookDetail } from "./get-webhook-detail";

const ACTOR = "tester@example.com";

describe.each(TEST_PROVIDERS)("webhook detail on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  async function channelWithBot(db: Db, behaviour: HttpBehaviour) {
    const bot = await startHttpBot(behaviour);
    stops.push(() => bot.close());
    const owner = await createProvider(db, { name: "Acme" }, ACTOR);
    const channel = await createChannel(db, owner.id, { name: "Bot" }, ACTOR);
    await updateChannel(
      db,
      channel.id,
      { webhookUrl: `${bot.url}/webhook`, useWebhook: true },
      ACTOR,
    );
    return { channel, bot };
  }

  /** A channel whose webhooks are queued but not sent (no dispatcher runs in the test). */
  async function quietChannel(db: Db, providerId: string, name: string) {
    const channel = await createChannel(db, providerId, { name }, ACTOR);
    await updateChannel(
      db,
      channel.id,
      { webhookUrl: "http://127.0.0.1:9/hook", useWebhook: true },
      ACTOR,
    );
    return channel;
  }

  async function sendAll() {
    const sender = new Dispatcher({
      // On this thread: what is recorded is the same, without a thread's start (a CPU-second).
      storage: { database: database().config, thread: false },
      settings: dispatchSettingsFromEnv({
        ...ALLOW_PRIVATE_TARGETS,
        WEBHOOK_POLL_INTERVAL_MS: "50",
      }),
      log: () => {},
    });
    stops.push(() => sender.stop());
    await sender.start();
    await sender.whenIdle();
  }

  it("shows the request exactly as sent and what the bot answered", async () => {
    const { db } = database();
    const { channel, bot } = await channelWithBot(db, {
      kind: "status",
      status: 500,
      body: "bot exploded",
      headers: { "x-bot": "yes" },
    });
    const queued = await enqueueEvents(db, channel.id, { text: "hello" });
    if (!queued.queued) throw new Error("not queued");
    await sendAll();
    const webhook = await db.webhook.findFirstOrThrow({ where: { channelId: channel.id } });

    const detail = await getWebhookDetail(db, channel.id, webhook.id);
    const [received] = bot.requests;
    if (!received) throw new Error("the bot received nothing");
    const { channelSecret } = await getChannelSecret(db, channel.id);

    expect(detail.webhook).toMatchObject({
      id: webhook.id,
      status: "failed",
      attemptCount: 1,
      eventCount: 1,
      webhookEventIds: queued.webhookEventIds,
    });
    // The rebuilt body, compacted again, is byte for byte what the bot received, and the
    // signature stored with the attempt is its HMAC under the channel's secret.
    const rebuilt = Buffer.from(JSON.stringify(JSON.parse(detail.request.body)));
    expect(rebuilt.equals(received.body)).toBe(true);
    expect(detail.request.bodyBytes).toBe(received.body.length);
    expect(detail.request).toMatchObject({
      url: `${bot.url}/webhook`,
      isRedelivery: false,
      signatureMatchesCurrentSecret: true,
      headers: {
        "content-type": "application/json; charset=utf-8",
        "user-agent": "LineBotWebhook/2.0",
        "x-line-signature": received.headers["x-line-signature"],
      },
    });
    expect(
      validateSignature(rebuilt, channelSecret, detail.request.headers?.["x-line-signature"] ?? ""),
    ).toBe(true);

    expect(detail.attempts).toHaveLength(1);
    expect(detail.attempts[0]).toMatchObject({
      attemptNumber: 1,
      isRedelivery: false,
      success: false,
      reason: "error_status_code",
      detail: "500",
      statusCode: 500,
      protocol: "http/1.1",
      responseExcerpt: "bot exploded",
      responseTruncated: false,
      responseHeaders: { "x-bot": "yes", "content-length": "12" },
      signatureMatchesCurrentSecret: true,
      timings: { dnsMs: null, tlsMs: null, connectMs: expect.any(Number) },
    });
    expect(detail.attempts[0]?.timings.responseMs).toEqual(expect.any(Number));
  });

  it("says so when the secret was reissued since the webhook was signed", async () => {
    const { db } = database();
    const { channel } = await channelWithBot(db, { kind: "status", status: 200 });
    await enqueueEvents(db, channel.id, { text: "hello" });
    await sendAll();
    const webhook = await db.webhook.findFirstOrThrow({ where: { channelId: channel.id } });
    const before = await getWebhookDetail(db, channel.id, webhook.id);
    await reissueChannelSecret(db, channel.id, ACTOR);
    const after = await getWebhookDetail(db, channel.id, webhook.id);
    expect(before.request.signatureMatchesCurrentSecret).toBe(true);
    expect(after.request.signatureMatchesCurrentSecret).toBe(false);
    // The signature shown is still the one sent, not one computed now.
    expect(after.request.headers).toEqual(before.request.headers);
    expect(after.attempts[0]?.signatureMatchesCurrentSecret).toBe(false);
  });

  it("a webhook not sent yet: the request as it will be sent, no attempts", async () => {
    const { db } = database();
    const owner = await createProvider(db, { name: "Acme" }, ACTOR);
    const channel = await quietChannel(db, owner.id, "Quiet");
    const queued = await enqueueEvents(db, channel.id, { text: "hello" });
    if (!queued.queued) throw new Error("not queued");
    const webhook = await db.webhook.findFirstOrThrow({ where: { channelId: channel.id } });
    const detail = await getWebhookDetail(db, channel.id, webhook.id);
    expect(detail.attempts).toEqual([]);
    expect(detail.request).toMatchObject({
      headers: null,
      signatureMatchesCurrentSecret: null,
      isRedelivery: false,
    });
    expect(JSON.parse(detail.request.body)).toMatchObject({
      destination: channel.botUserId,
      events: [{ deliveryContext: { isRedelivery: false } }],
    });
  });

  it("an unknown id, a malformed one and another channel's webhook are not found", async () => {
    const { db } = database();
    const owner = await createProvider(db, { name: "Acme" }, ACTOR);
    const mine = await quietChannel(db, owner.id, "Mine");
    const theirs = await quietChannel(db, owner.id, "Theirs");
    await enqueueEvents(db, theirs.id, { text: "hello" });
    const their = await db.webhook.findFirstOrThrow({ where: { channelId: theirs.id } });
    for (const id of [their.id, "01J00000000000000000000000", "not-a-ulid"]) {
      await expect(getWebhookDetail(db, mine.id, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getWebhookDetail(db, "0000000000", their.id)).rejects.toThrow(
      'Channel "0000000000" not found',
    );
  });
});
