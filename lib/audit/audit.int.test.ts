import { describe, expect, it } from "vitest";
import { issueChannelAccessToken } from "../access-tokens/issue-channel-access-token";
import { createChannel } from "../channels/create-channel";
import { deleteChannel } from "../channels/delete-channel";
import { revealChannelSecret } from "../channels/get-channel";
import { reissueChannelSecret } from "../channels/reissue-channel-secret";
import { updateChannel } from "../channels/update-channel";
import { setWebhookEndpoint } from "../channels/webhook-endpoint";
import type { Db } from "../db/client";
import { openSqlConnection } from "../db/sql-driver";
import { NO_ATTEMPT_DETAIL } from "../dev/testing/aged-rows";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import type { WebhookOutcome } from "../dispatch/queue/attempt-record";
import { AttemptRecorder } from "../dispatch/queue/attempt-recorder";
import { enqueueEvents } from "../events/enqueue-events";
import { newUlid } from "../ids/new-ulid";
import { createProvider } from "../providers/create-provider";
import { deleteProvider, renameProvider } from "../providers/manage-provider";
import { listAudit } from "./list-audit";

const ADMIN = "admin@example.com";

async function channelWithWebhook(db: Db) {
  const provider = await createProvider(db, { name: "Acme" }, ADMIN);
  const channel = await createChannel(db, provider.id, { name: "Bot" }, ADMIN);
  await updateChannel(
    db,
    channel.id,
    { webhookUrl: "http://127.0.0.1:9/hook", useWebhook: true, errorStatisticsAggregation: true },
    ADMIN,
  );
  return { providerId: provider.id, channelId: channel.id };
}

/** A failed attempt of `webhookId`, counted in error statistics. */
function failedOutcome(webhookId: string, channelId: string): WebhookOutcome {
  return {
    webhookId,
    status: "failed",
    countable: true,
    attempt: {
      id: newUlid(),
      webhookId,
      channelId,
      attemptedAt: new Date(),
      url: "http://127.0.0.1:9/hook",
      eventIds: "[]",
      attemptNumber: 1,
      isRedelivery: false,
      success: false,
      reason: "could_not_connect",
      detail: "Connection refused",
      statusCode: 0,
      latencyMs: 1,
      protocol: null,
      error: "ECONNREFUSED",
      ...NO_ATTEMPT_DETAIL,
      counted: false,
    },
  };
}

describe.each(TEST_PROVIDERS)("the audit log on %s", (provider) => {
  const database = useTestDatabase(provider);

  it("records who changed which setting, old → new, and nothing for a value kept", async () => {
    const { db } = database();
    const { channelId } = await channelWithWebhook(db);
    await updateChannel(db, channelId, { webhookUrl: "https://bot.example/hook" }, "m@example.com");
    await updateChannel(db, channelId, { useWebhook: true, name: "Renamed" }, ADMIN);
    await setWebhookEndpoint(db, channelId, "https://bot.example/v2");

    const { entries } = await listAudit(db, { channelId }, { limit: 50 });
    expect(
      entries.slice(0, 4).map(({ actor, action, detail }) => ({ actor, action, detail })),
    ).toEqual([
      {
        actor: "channel access token",
        action: "webhook_url.changed",
        detail: { from: "https://bot.example/hook", to: "https://bot.example/v2" },
      },
      { actor: ADMIN, action: "channel.renamed", detail: { from: "Bot", to: "Renamed" } },
      {
        actor: "m@example.com",
        action: "webhook_url.changed",
        detail: { from: "http://127.0.0.1:9/hook", to: "https://bot.example/hook" },
      },
      // The first settings change of channelWithWebhook, three entries in one.
      expect.objectContaining({ action: "error_statistics_aggregation.changed" }),
    ]);
    expect(entries[0]?.summary).toBe(
      "Webhook URL: https://bot.example/hook → https://bot.example/v2",
    );
    // Use webhook was on already: no entry for it after the first.
    expect(entries.filter((entry) => entry.action === "use_webhook.changed")).toHaveLength(1);
    expect(entries.at(-1)?.action).toBe("channel.created");
  });

  it("records the error notification settings: the email address and the switch", async () => {
    const { db } = database();
    const { channelId } = await channelWithWebhook(db);
    await updateChannel(
      db,
      channelId,
      { notificationEmail: "team@example.com", errorNotification: true },
      ADMIN,
    );
    await updateChannel(db, channelId, { notificationEmail: null, errorNotification: true }, ADMIN);

    const { entries } = await listAudit(db, { channelId }, { limit: 3 });
    expect(entries.map(({ action, summary }) => ({ action, summary }))).toEqual([
      {
        action: "notification_email.changed",
        summary: "Email address: team@example.com → (none)",
      },
      { action: "error_notification.changed", summary: "Error notification: off → on" },
      {
        action: "notification_email.changed",
        summary: "Email address: (none) → team@example.com",
      },
    ]);
  });

  it("records reveals and reissues of the secret and token issues, newest first, in pages", async () => {
    const { db } = database();
    const { channelId } = await channelWithWebhook(db);
    await revealChannelSecret(db, channelId, ADMIN);
    await reissueChannelSecret(db, channelId, ADMIN);
    await issueChannelAccessToken(db, channelId, ADMIN);
    await issueChannelAccessToken(db, channelId, ADMIN);
    const first = await listAudit(db, { channelId }, { limit: 3 });
    expect(first.entries.map((entry) => entry.summary)).toEqual([
      "Reissued the channel access token",
      "Issued a channel access token",
      "Reissued the channel secret",
    ]);
    const next = await listAudit(db, { channelId }, { limit: 3, before: first.nextBefore ?? "" });
    expect(next.entries[0]?.summary).toBe("Revealed the channel secret");
    // No secret or token is ever written into the log.
    const all = await db.auditEntry.findMany();
    const secret = (await db.channel.findUniqueOrThrow({ where: { id: channelId } })).channelSecret;
    expect(JSON.stringify(all)).not.toContain(secret);
  });

  it("deletes a channel with everything it holds, keeping the deletion in the provider's log", async () => {
    const { db } = database();
    const { providerId, channelId } = await channelWithWebhook(db);
    const other = await createChannel(db, providerId, { name: "Other" }, ADMIN);
    await updateChannel(
      db,
      other.id,
      { webhookUrl: "http://127.0.0.1:9/hook", useWebhook: true },
      ADMIN,
    );
    await issueChannelAccessToken(db, channelId, ADMIN);
    const queued = await enqueueEvents(db, channelId, { text: "hi" });
    const kept = await enqueueEvents(db, other.id, { text: "hi" });
    if (!queued.queued || !kept.queued) throw new Error("Use webhook is on: events are queued");
    const sql = openSqlConnection(database().config);
    try {
      const recorder = new AttemptRecorder(sql, "test-worker");
      await recorder.record(failedOutcome(queued.webhookId, channelId));

      // A send in flight when the channel is deleted: its outcome arrives after, in one batch with
      // another channel's, which must still be written.
      await deleteChannel(db, channelId, ADMIN);
      await Promise.all([
        recorder.record(failedOutcome(queued.webhookId, channelId)),
        recorder.record(failedOutcome(kept.webhookId, other.id)),
      ]);
    } finally {
      await sql.close();
    }

    const where = { channelId };
    expect(await db.channel.count({ where: { id: channelId } })).toBe(0);
    expect(await db.webhook.count({ where })).toBe(0);
    expect(await db.deliveryAttempt.count({ where })).toBe(0);
    expect(await db.errorRollup.count({ where })).toBe(0);
    expect(await db.errorRollupHour.count({ where })).toBe(0);
    expect(await db.channelAccessToken.count({ where })).toBe(0);
    expect(await db.deliveryAttempt.count({ where: { channelId: other.id } })).toBe(1);
    const log = await listAudit(db, { providerId }, { limit: 1 });
    expect(log.entries[0]).toMatchObject({
      channelId,
      actor: ADMIN,
      action: "channel.deleted",
      summary: `Deleted channel Bot (${channelId})`,
    });
  });

  it("renames a provider, and deletes it with all its channels and data", async () => {
    const { db } = database();
    const { providerId, channelId } = await channelWithWebhook(db);
    await renameProvider(db, providerId, { name: "Acme Corp" }, ADMIN);
    const log = await listAudit(db, { providerId }, { limit: 1 });
    expect(log.entries[0]?.summary).toBe("Renamed provider: Acme → Acme Corp");
    await enqueueEvents(db, channelId, { text: "hi" });
    await deleteProvider(db, providerId, ADMIN);
    expect(await db.provider.count()).toBe(0);
    expect(await db.channel.count()).toBe(0);
    expect(await db.webhook.count()).toBe(0);
    expect(await db.auditEntry.count()).toBe(0);
  });
});
