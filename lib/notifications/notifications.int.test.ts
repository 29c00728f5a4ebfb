// Error notification emails, end to end on SQLite and PostgreSQL: webhooks fail at a bot behind
// the official SDK, the dispatcher records them, the notifier makes the emails and sends them to
// a real SMTP server on 127.0.0.1 (smtp-server), which is what these tests read.
import { afterEach, describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import { getChannelSecret } from "../channels/get-channel";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import { sdkBot } from "../dev/testing/sdk-bot";
import { smtpTestServer } from "../dev/testing/smtp-test-server";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { testDispatcher } from "../dev/testing/test-dispatcher";
import { startWorker } from "../dev/testing/worker-process";
import type { Dispatcher } from "../dispatch/dispatcher";
import { enqueueEvents } from "../events/enqueue-events";
import { createProvider } from "../providers/create-provider";
import { formatUtc9 } from "../shared/utc9";
import { listNotifications } from "./list-notifications";
import { notificationSettingsFromEnv } from "./notification-settings";
import { startNotifier } from "./start-notifier";

const OPERATOR = "operator@example.com";
const CHANNEL_EMAIL = "bot-team@example.com";
const ADMIN_EMAIL = "admin@example.com";
const SUBJECT = "Messaging API: Your bot server returned no response or an error - Failing bot";
const ALWAYS = 1_000_000;

/** The i-th of a list the test has just seen filled (fails the test, not the type check). */
function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`nothing at ${index} of ${list.length}`);
  return item;
}

describe.each(TEST_PROVIDERS)("Error notification emails on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  /** A provider with an Admin, a channel whose bot answers 500 `failures` times, a dispatcher. */
  async function setUp(
    db: Db,
    {
      failures = ALWAYS,
      redelivery = false,
      errorNotification = true,
    }: { failures?: number; redelivery?: boolean; errorNotification?: boolean } = {},
  ) {
    const admin = await db.user.create({
      data: { id: `admin-${Date.now()}`, name: "Admin", email: ADMIN_EMAIL },
    });
    const owner = await createProvider(db, { name: "Notified" }, OPERATOR, admin.id);
    const channel = await createChannel(db, owner.id, { name: "Failing bot" }, OPERATOR);
    const { channelSecret } = await getChannelSecret(db, channel.id);
    const bot = await sdkBot(channelSecret, failures);
    stops.push(() => bot.close());
    await updateChannel(
      db,
      channel.id,
      {
        webhookUrl: bot.url,
        useWebhook: true,
        webhookRedelivery: redelivery,
        notificationEmail: CHANNEL_EMAIL,
        errorNotification,
      },
      OPERATOR,
    );
    const sender = testDispatcher({ database: database().config, thread: false }, stops, {
      WEBHOOK_REDELIVERY_SCHEDULE_MS: "20",
    });
    await sender.start();
    return { channel, bot, sender };
  }

  async function mailServer() {
    const smtp = await smtpTestServer();
    stops.push(() => smtp.close());
    return smtp;
  }

  function notifier(db: Db, env: Record<string, string>) {
    const settings = notificationSettingsFromEnv({
      NOTIFICATION_FROM: "Webhook Console <console@example.com>",
      NOTIFICATION_RETRY_MS: "100",
      SMTP_TIMEOUT_MS: "2000",
      ...env,
    });
    const job = startNotifier(db, settings, { pollMs: 25, logError: () => {} });
    stops.push(() => job.stop());
    return job;
  }

  async function send(db: Db, channelId: string, sender: Dispatcher, count = 1) {
    for (let i = 0; i < count; i++) {
      const result = await enqueueEvents(db, channelId, { text: `event ${i}` });
      if (!result.queued) throw new Error("the channel took no events");
    }
    sender.notify();
    await sender.whenIdle();
  }

  const failedAttempts = (db: Db, channelId: string) =>
    db.deliveryAttempt.findMany({ where: { channelId, success: false }, orderBy: { id: "asc" } });

  it("sends one email for the first errors and one digest of the rest after the cooldown", async () => {
    const { db } = database();
    const smtp = await mailServer();
    const { channel, sender } = await setUp(db);
    // Long enough for the burst below to be sent inside it on a busy machine.
    const cooldownMs = 2500;
    notifier(db, { SMTP_URL: smtp.url, NOTIFICATION_COOLDOWN_MS: String(cooldownMs) });

    await send(db, channel.id, sender, 1);
    await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(1);
    const first = nth(smtp.received, 0);
    // A burst during the cooldown: gathered into one digest (4 errors, below), not sent one by one.
    await send(db, channel.id, sender, 4);
    await expect.poll(() => smtp.received.length, { timeout: 8000 }).toBe(2);
    const digest = nth(smtp.received, 1);
    // The cooldown runs from each email's claim (createdAt); receive times add send latency.
    const made = await db.notification.findMany({
      where: { channelId: channel.id },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true },
    });
    expect(made).toHaveLength(2);
    expect(
      nth(made, 1).createdAt.getTime() - nth(made, 0).createdAt.getTime(),
    ).toBeGreaterThanOrEqual(cooldownMs);

    for (const mail of [first, digest]) {
      expect(mail.subject).toBe(SUBJECT);
      expect(mail.to.sort()).toEqual([ADMIN_EMAIL, CHANNEL_EMAIL].sort());
      expect(mail.from).toBe("console@example.com");
      expect(mail.text).toContain(`Channel ID: ${channel.id}`);
      expect(mail.text).toContain("Channel name: Failing bot");
    }
    const attempts = await failedAttempts(db, channel.id);
    expect(attempts).toHaveLength(5);
    expect(first.text).toContain("error_status_code / 500: 1 error\n");
    expect(first.text).toContain(`  First: ${formatUtc9(nth(attempts, 0).attemptedAt)} (UTC+9)`);
    expect(digest.text).toContain("error_status_code / 500: 4 errors\n");
    expect(digest.text).toContain(`  First: ${formatUtc9(nth(attempts, 1).attemptedAt)} (UTC+9)`);
    expect(digest.text).toContain(`  Last:  ${formatUtc9(nth(attempts, 4).attemptedAt)} (UTC+9)`);
    expect(digest.text).toContain(
      `http://localhost:3000/console/channel/${channel.id}/deliveries?reason=error_status_code&detail=500&from=`,
    );
    expect(digest.text).toContain(
      `http://localhost:3000/console/channel/${channel.id}/statistics?period=custom&from=`,
    );
    // Nothing more is due: no third email after another cooldown.
    await new Promise((resolve) => setTimeout(resolve, cooldownMs + 300));
    expect(smtp.received).toHaveLength(2);
    expect(await db.notificationDue.count()).toBe(0);
    const { notifications } = await listNotifications(db, channel.id, { limit: 10 });
    expect(notifications.map((n) => [n.status, n.attempts])).toEqual([
      ["sent", 1],
      ["sent", 1],
    ]);
    expect(new Set(smtp.received.map((mail) => mail.messageId)).size).toBe(2);
  });

  it("emails when webhook redelivery stops, naming the webhookEventIds and the last failure", async () => {
    const { db } = database();
    const smtp = await mailServer();
    const { channel, sender } = await setUp(db, { redelivery: true });
    notifier(db, { SMTP_URL: smtp.url, NOTIFICATION_COOLDOWN_MS: "60000" });
    const queued = await enqueueEvents(db, channel.id, { text: "lost" });
    if (!queued.queued) throw new Error("the channel took no events");
    sender.notify();
    await expect
      .poll(
        async () =>
          (await db.webhook.findUniqueOrThrow({ where: { id: queued.webhookId } })).status,
      )
      .toBe("given_up");

    await expect
      .poll(() => smtp.received.map((mail) => mail.subject).sort(), { timeout: 5000 })
      .toEqual([SUBJECT, "Messaging API: Webhook redelivery stopped - Failing bot"].sort());
    const stopped = smtp.received.find((mail) => mail.subject.includes("redelivery stopped"));
    expect(stopped?.text).toContain(`Webhook ${queued.webhookId}, given up at `);
    expect(stopped?.text).toContain("  Last error: error_status_code / 500");
    expect(stopped?.text).toContain(`  webhookEventIds: ${queued.webhookEventIds.join(", ")}`);
    expect(stopped?.to.sort()).toEqual([ADMIN_EMAIL, CHANNEL_EMAIL].sort());
  });

  it("sends exactly one email when the mail server refuses it first, and shows why meanwhile", async () => {
    const { db } = database();
    const smtp = await mailServer();
    smtp.setMode("refuse");
    const { channel, sender } = await setUp(db);
    await send(db, channel.id, sender, 2);
    notifier(db, { SMTP_URL: smtp.url, NOTIFICATION_RETRY_MS: "400" });

    await expect
      .poll(async () => (await listNotifications(db, channel.id, { limit: 10 })).notifications, {
        timeout: 5000,
      })
      .toMatchObject([
        { status: "queued", attempts: 1, lastError: expect.stringContaining("451") },
      ]);
    smtp.setMode("accept");
    await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.received).toHaveLength(1);
    expect(nth(smtp.received, 0).text).toContain("error_status_code / 500: 2 errors\n");
    const { notifications } = await listNotifications(db, channel.id, { limit: 10 });
    expect(notifications).toMatchObject([{ status: "sent", lastError: null }]);
    expect(nth(notifications, 0).attempts).toBeGreaterThanOrEqual(2);
    expect(smtp.offered()).toBe(nth(notifications, 0).attempts);
  });

  // Two worker processes and waits of up to 10 s and 15 s: more than the default 30 s beside the
  // browser tests (it timed out there once, 2026-12-07).
  it("sends exactly one email when the worker dies between detecting the errors and sending", {
    timeout: 60_000,
  }, async () => {
    const { db, config } = database();
    const smtp = await mailServer();
    // The first worker gets as far as handing the message over; the server never answers it.
    smtp.setMode("stall");
    const { channel, sender } = await setUp(db);
    await send(db, channel.id, sender, 3);
    await sender.stop();
    const env = { SMTP_URL: smtp.url, SMTP_TIMEOUT_MS: "300", WEBHOOK_DISPATCHER: "on" };
    const first = await startWorker(config, env);
    stops.push(async () => {
      first.child.kill("SIGKILL");
    });
    await expect.poll(() => smtp.offered(), { timeout: 10_000 }).toBe(1);
    first.child.kill("SIGKILL");
    await first.exited;
    expect(smtp.received).toHaveLength(0);

    smtp.setMode("accept");
    const second = await startWorker(config, env);
    stops.push(async () => {
      second.child.kill("SIGTERM");
      await second.exited;
    });
    // After the dead worker's lease (10 × SMTP_TIMEOUT_MS), the second sends it.
    await expect.poll(() => smtp.received.length, { timeout: 15_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.received).toHaveLength(1);
    expect(nth(smtp.received, 0).text).toContain("error_status_code / 500: 3 errors\n");
    expect(await db.notification.count({ where: { channelId: channel.id } })).toBe(1);
  });

  it("keeps sending webhooks while the mail server holds an email without answering", async () => {
    const { db } = database();
    const smtp = await mailServer();
    smtp.setMode("stall");
    const { channel, sender } = await setUp(db);
    notifier(db, { SMTP_URL: smtp.url, SMTP_TIMEOUT_MS: "60000" });
    await send(db, channel.id, sender, 1);
    // The notifier is now waiting on the mail server, in the dispatcher's process.
    await expect.poll(() => smtp.offered(), { timeout: 5000 }).toBe(1);

    await send(db, channel.id, sender, 20);
    expect(await failedAttempts(db, channel.id)).toHaveLength(21);
    const { notifications } = await listNotifications(db, channel.id, { limit: 10 });
    expect(notifications).toMatchObject([{ status: "sending" }]);
    expect(smtp.received).toHaveLength(0);
    // What failed meanwhile waits for the next email, in its cooldown.
    expect(await db.notificationDue.findMany({ select: { kind: true, count: true } })).toEqual([
      { kind: "error", count: 20 },
    ]);
  });

  it("keeps the email in the outbox when no mail server is configured", async () => {
    const { db } = database();
    const { channel, sender } = await setUp(db);
    notifier(db, {});
    await send(db, channel.id, sender, 1);
    await expect
      .poll(async () => (await listNotifications(db, channel.id, { limit: 10 })).notifications, {
        timeout: 5000,
      })
      .toMatchObject([{ status: "outbox", subject: SUBJECT, attempts: 0, sentAt: null }]);
    const email = nth((await listNotifications(db, channel.id, { limit: 10 })).notifications, 0);
    expect(email.recipients.sort()).toEqual([ADMIN_EMAIL, CHANNEL_EMAIL].sort());
    expect(email.text).toContain("error_status_code / 500: 1 error\n");
  });

  it("sends nothing with Error notification off, or when it is turned off before the email", async () => {
    const { db } = database();
    const smtp = await mailServer();
    const { channel, sender } = await setUp(db, { errorNotification: false });
    await send(db, channel.id, sender, 2);
    expect(await db.notificationDue.count()).toBe(0);

    // On while the errors happen, off before the notifier makes the email.
    await updateChannel(db, channel.id, { errorNotification: true }, OPERATOR);
    await send(db, channel.id, sender, 1);
    expect(await db.notificationDue.count()).toBe(1);
    await updateChannel(db, channel.id, { errorNotification: false }, OPERATOR);
    notifier(db, { SMTP_URL: smtp.url });
    await expect.poll(() => db.notificationDue.count(), { timeout: 5000 }).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.offered()).toBe(0);
    expect(await db.notification.count()).toBe(0);
  });

  it("records nothing with Use webhook off: no webhook is sent, so none fails", async () => {
    const { db } = database();
    const { channel, sender } = await setUp(db);
    await updateChannel(db, channel.id, { useWebhook: false }, OPERATOR);
    const result = await enqueueEvents(db, channel.id, { text: "off" });
    sender.notify();
    await sender.whenIdle();
    expect(result.queued).toBe(false);
    expect(await db.notificationDue.count()).toBe(0);
    expect(await db.deliveryAttempt.count()).toBe(0);
  });
});
