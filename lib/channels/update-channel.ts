import "server-only";
import type { AuditRecord } from "../audit/record-audit";
import { recordAudit } from "../audit/record-audit";
import type { Channel, Db } from "../db/client";
import { ConflictError, InvalidInputError } from "../errors";
import { isOperational } from "../shared/channel-kinds";
import type { UpdateChannelInput } from "./channel-input";
import { toChannelView } from "./channel-view";
import { findChannelOrThrow } from "./find-channel";

/**
 * Applies a partial settings change. Like LINE's console, Error statistics aggregation can only
 * be switched while Use webhook is on (in the resulting state), so the check and the write share
 * one transaction: a concurrent "Use webhook off" cannot slip between them.
 */
export async function updateChannel(
  db: Db,
  channelId: string,
  input: UpdateChannelInput,
  actor: string,
) {
  const updated = await db.$transaction(async (tx) => {
    // Write first, to take the row's lock before reading the state the rule depends on: reads
    // do not wait for a concurrent update (PostgreSQL, READ COMMITTED), so without the lock a
    // "Use webhook off" committed in between would go unseen. Matches nothing for unknown ids.
    await tx.channel.updateMany({ where: { id: channelId }, data: { updatedAt: new Date() } });
    const current = await findChannelOrThrow(tx, channelId);
    const useWebhook = input.useWebhook ?? current.useWebhook;
    const aggregationChanges =
      input.errorStatisticsAggregation !== undefined &&
      input.errorStatisticsAggregation !== current.errorStatisticsAggregation;
    if (aggregationChanges && !useWebhook) {
      throw new ConflictError(
        "errorStatisticsAggregation",
        "Error statistics aggregation can only be changed while Use webhook is on",
      );
    }
    if (input.alertTypes !== undefined && !isOperational(current.kind)) {
      throw InvalidInputError.of("alertTypes", "applies to an operational webhook only");
    }
    const { pauseRule, alertTypes, ...settings } = input;
    const updated = await tx.channel.update({
      where: { id: channelId },
      data: {
        ...settings,
        ...(alertTypes === undefined
          ? {}
          : { alertTypes: alertTypes === null ? null : JSON.stringify(alertTypes) }),
        ...(pauseRule === undefined
          ? {}
          : {
              pauseAfterFailingMinutes: pauseRule?.minutes ?? null,
              pauseAfterFailedAttempts: pauseRule?.attempts ?? 1,
            }),
      },
    });
    await recordAudit(tx, ...auditedChanges(current, updated, actor));
    if (input.webhookRedelivery === false || input.useWebhook === false) {
      // Turning Webhook redelivery (or Use webhook) off cancels the redeliveries waiting. An
      // operator's "Redeliver now" does not depend on Webhook redelivery; Use webhook off
      // leaves its webhook as it was before (the dispatcher does the same when it finds it off).
      await tx.webhook.updateMany({
        where: {
          channelId,
          status: "pending",
          attemptCount: { gt: 0 },
          manualRedeliveryFrom: null,
        },
        data: { status: "cancelled" },
      });
      if (input.useWebhook === false) {
        for (const from of ["failed", "given_up"] as const) {
          await tx.webhook.updateMany({
            where: { channelId, status: "pending", manualRedeliveryFrom: from },
            data: { status: from, manualRedeliveryFrom: null },
          });
        }
      }
    }
    return updated;
  });
  return toChannelView(updated);
}

/** The settings whose changes the audit log records, and the action of each. */
const AUDITED = [
  ["name", "channel.renamed"],
  ["description", "channel.description_changed"],
  ["webhookUrl", "webhook_url.changed"],
  ["useWebhook", "use_webhook.changed"],
  ["webhookRedelivery", "webhook_redelivery.changed"],
  ["errorStatisticsAggregation", "error_statistics_aggregation.changed"],
  ["notificationEmail", "notification_email.changed"],
  ["errorNotification", "error_notification.changed"],
  ["alertTypes", "alert_types.changed"],
] as const satisfies readonly (readonly [keyof UpdateChannelInput, AuditRecord["action"]])[];

const ruleOf = (channel: Channel) =>
  channel.pauseAfterFailingMinutes === null
    ? null
    : { minutes: channel.pauseAfterFailingMinutes, attempts: channel.pauseAfterFailedAttempts };

/** One entry per setting whose value changed: old → new. Setting a value it had is no change. */
function auditedChanges(before: Channel, after: Channel, actor: string): AuditRecord[] {
  const [ruleBefore, ruleAfter] = [ruleOf(before), ruleOf(after)];
  const ruleChanged = JSON.stringify(ruleBefore) !== JSON.stringify(ruleAfter);
  const rule: AuditRecord[] = ruleChanged
    ? [
        {
          providerId: after.providerId,
          channelId: after.id,
          actor,
          action: "pause_rule.changed",
          detail: { minutes: ruleAfter?.minutes ?? null, attempts: ruleAfter?.attempts ?? null },
        },
      ]
    : [];
  return [...settingChanges(before, after, actor), ...rule];
}

function settingChanges(before: Channel, after: Channel, actor: string): AuditRecord[] {
  return AUDITED.flatMap(([field, action]) =>
    before[field] === after[field]
      ? []
      : [
          {
            providerId: after.providerId,
            channelId: after.id,
            actor,
            action,
            detail: { from: before[field], to: after[field] },
          },
        ],
  );
}
