// Operational webhooks, end to end on SQLite and PostgreSQL: a LINE channel's bot fails, the
// console's notifications become alerts, and the dispatcher sends them to an operator's receiver
// on 127.0.0.1 that checks each with the Standard Webhooks reference library. Signed, retried
// with the same id, and classified and counted like any delivery, on the operational webhook's
// own channel: never in the LINE channel's statistics, never alerting about itself.
import { afterEach, describe, expect, it } from "vitest";
import { issueChannelAccessToken } from "../access-tokens/issue-channel-access-token";
import { createChannel } from "../channels/create-channel";
import { getChannelSecret } from "../channels/get-channel";
import { pauseFailingChannels, pauseSending } from "../channels/pause-sending";
import { resumeSending } from "../channels/resume-sending";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import { getWebhookDetail } from "../deliveries/get-webhook-detail";
import { type AlertReceiver, startAlertReceiver } from "../dev/testing/alert-receiver";
import { ALLOW_PRIVATE_TARGETS } from "../dev/testing/allow-private-targets";
import { channelWithDemoBot } from "../dev/testing/channel-with-demo-bot";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { testDispatcher } from "../dev/testing/test-dispatcher";
import { dispatchSettingsFromEnv, sendOptionsFrom } from "../dispatch/dispatch-settings";
import { ConflictError } from "../errors";
import { enqueueEvents } from "../events/enqueue-events";
import { composeNotification } from "../notifications/compose-notification";
import { verifyWebhook } from "../verification/verify-webhook";
import type { AlertType } from "./alert-types";

const OPERATOR = "tester@example.com";
const SETTINGS = { smtpConfigured: false, consoleOrigin: "http://127.0.0.1:3000" };
const COMPOSE = { ...SETTINGS, cooldownMs: 0 };

describe.each(TEST_PROVIDERS)("operational webhooks on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  /** A LINE channel whose bot answers 500, with Error notification on and a pause rule. */
  async function failingChannel(db: Db) {
    const { channel } = await channelWithDemoBot(db, {
      mode: "error500",
      settings: {
        errorStatisticsAggregation: true,
        errorNotification: true,
        pauseRule: { minutes: 1, attempts: 1 },
      },
      onCleanup: (close) => stops.push(close),
    });
    return channel;
  }

  /** An operational webhook of the provider, sending to a receiver answering `statuses`. */
  async function operationalWebhook(
    db: Db,
    providerId: string,
    { statuses = [], alertTypes }: { statuses?: number[]; alertTypes?: AlertType[] } = {},
  ): Promise<{ id: string; receiver: AlertReceiver }> {
    const channel = await createChannel(
      db,
      providerId,
      { name: "Alerts", kind: "operational", ...(alertTypes ? { alertTypes } : {}) },
      OPERATOR,
    );
    const receiver = await startAlertReceiver(
      async () => (await getChannelSecret(db, channel.id)).channelSecret,
      statuses,
    );
    stops.push(() => receiver.close());
    await updateChannel(db, channel.id, { webhookUrl: receiver.url, useWebhook: true }, OPERATOR);
    return { id: channel.id, receiver };
  }

  async function dispatcher() {
    const started = testDispatcher({ database: database().config, thread: false }, stops, {
      WEBHOOK_REDELIVERY_SCHEDULE_MS: "20",
    });
    await started.start();
    return started;
  }

  it("errors detected at a bot reach the operational webhook signed, retried after a 503 with the same id, and counted on its own channel", async () => {
    const { db } = database();
    const line = await failingChannel(db);
    const alerts = await operationalWebhook(db, line.providerId, { statuses: [503] });
    const sender = await dispatcher();
    for (let i = 0; i < 2; i++) await enqueueEvents(db, line.id, { text: `failing ${i}` });
    await sender.whenIdle();

    expect(await composeNotification(db, line.id, "error", COMPOSE)).not.toBeNull();
    await expect.poll(() => alerts.receiver.received.length).toBe(2);
    await sender.whenIdle();

    const [first, second] = alerts.receiver.received;
    // Both signed (checked by the reference library), one alert: the retry keeps its id.
    expect(alerts.receiver.received.map((alert) => alert.refusal)).toEqual([null, null]);
    expect(second?.id).toBe(first?.id);
    expect(first?.type).toBe("errors.detected");
    expect(first?.data).toMatchObject({
      channel: { id: line.id, name: line.name, providerId: line.providerId },
      url: `${SETTINGS.consoleOrigin}/console/channel/${line.id}/statistics`,
      errors: [{ reason: "error_status_code", detail: "500", count: 2 }],
    });

    // Classified and recorded as any delivery is, on the operational webhook's channel.
    const attempts = await db.deliveryAttempt.findMany({
      where: { channelId: alerts.id },
      orderBy: { id: "asc" },
    });
    expect(
      attempts.map((a) => [a.attemptNumber, a.isRedelivery, a.success, a.reason, a.detail]),
    ).toEqual([
      [1, false, false, "error_status_code", "503"],
      [2, true, true, null, null],
    ]);
    const webhook = await db.webhook.findFirstOrThrow({ where: { channelId: alerts.id } });
    expect(webhook.status).toBe("delivered");
    const counted = (channelId: string) =>
      db.errorRollup.findMany({
        where: { channelId },
        select: { reason: true, detail: true, errorCount: true },
      });
    expect(await counted(alerts.id)).toEqual([
      { reason: "error_status_code", detail: "503", errorCount: 1 },
    ]);
    // The bot's channel counts its own failures only.
    expect(await counted(line.id)).toEqual([
      { reason: "error_status_code", detail: "500", errorCount: 2 },
    ]);
    // The deliveries explorer checks each stored signature against the rebuilt body.
    const detail = await getWebhookDetail(db, alerts.id, webhook.id);
    expect(detail.attempts.map((a) => a.signatureMatchesCurrentSecret)).toEqual([true, true]);
    expect(JSON.parse(detail.request.body)).toMatchObject({ type: "errors.detected" });
  });

  it("pause, resume and redelivery stopped: each type to the operational webhooks that take it, and none about an operational webhook", async () => {
    const { db } = database();
    const line = await failingChannel(db);
    await updateChannel(db, line.id, { webhookRedelivery: true }, OPERATOR);
    const everything = await operationalWebhook(db, line.providerId);
    const pausesOnly = await operationalWebhook(db, line.providerId, {
      alertTypes: ["channel.paused"],
    });
    // One that does not send is queued nothing.
    const off = await operationalWebhook(db, line.providerId);
    await updateChannel(db, off.id, { useWebhook: false }, OPERATOR);
    const sender = await dispatcher();
    await enqueueEvents(db, line.id, { text: "failing" });
    // LINE's schedule here (20 ms, then given up): the webhook's redelivery stops.
    await expect
      .poll(() => db.webhook.count({ where: { channelId: line.id, status: "given_up" } }))
      .toBe(1);

    expect(await composeNotification(db, line.id, "given_up", COMPOSE)).not.toBeNull();
    // The failures as if counted in the minute before this one: the rule's whole window.
    // (Alerts are due when queued, so the clock stays the real one.)
    await db.deliveryRollup.updateMany({
      where: { channelId: line.id },
      data: { windowStart: new Date(Math.floor(Date.now() / 60_000) * 60_000 - 60_000) },
    });
    expect(await pauseFailingChannels(db, SETTINGS)).toEqual([line.id]);
    await resumeSending(db, line.id, {}, OPERATOR, SETTINGS);
    await expect.poll(() => everything.receiver.received.length).toBe(3);
    await expect.poll(() => pausesOnly.receiver.received.length).toBe(1);
    await sender.whenIdle();

    expect(everything.receiver.received.map((alert) => [alert.type, alert.verified])).toEqual([
      ["webhook.given_up", true],
      ["channel.paused", true],
      ["channel.resumed", true],
    ]);
    const [givenUp, paused, resumed] = everything.receiver.received;
    const stopped = await db.webhook.findFirstOrThrow({ where: { channelId: line.id } });
    expect(givenUp?.data).toMatchObject({
      webhooks: [{ webhookId: stopped.id, reason: "error_status_code", detail: "500" }],
    });
    expect(paused?.data).toMatchObject({
      channel: { id: line.id },
      ruleMinutes: 1,
      // The send and its one redelivery, newest first.
      lastErrors: [
        { reason: "error_status_code", detail: "500" },
        { reason: "error_status_code", detail: "500" },
      ],
    });
    expect(resumed?.data).toMatchObject({ channel: { id: line.id }, resumedBy: OPERATOR });
    expect(pausesOnly.receiver.received.map((alert) => alert.type)).toEqual(["channel.paused"]);
    expect(off.receiver.received).toEqual([]);
    expect(await db.webhook.count({ where: { channelId: off.id } })).toBe(0);

    // An operational webhook's own failures notify by email, never by alert: they would loop.
    await updateChannel(db, everything.id, { errorNotification: true }, OPERATOR);
    await pauseSending(db, everything.id, OPERATOR);
    await resumeSending(db, everything.id, {}, OPERATOR, SETTINGS);
    const queued = await db.webhook.count({ where: { channelId: { not: line.id } } });
    expect(queued).toBe(4);
  });

  it("Verify sends a signed ping; LINE events and channel access tokens are refused", async () => {
    const { db } = database();
    const line = await failingChannel(db);
    const alerts = await operationalWebhook(db, line.providerId);
    const allowing = sendOptionsFrom(dispatchSettingsFromEnv(ALLOW_PRIVATE_TARGETS));
    const result = await verifyWebhook(db, alerts.id, undefined, allowing);
    expect(result).toMatchObject({ success: true, statusCode: 200 });
    expect(alerts.receiver.received.map((alert) => [alert.type, alert.verified])).toEqual([
      ["webhook.ping", true],
    ]);
    await expect(enqueueEvents(db, alerts.id, { text: "hello" })).rejects.toBeInstanceOf(
      ConflictError,
    );
    await expect(issueChannelAccessToken(db, alerts.id, OPERATOR)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(await db.webhook.count({ where: { channelId: alerts.id } })).toBe(0);
  });
});
