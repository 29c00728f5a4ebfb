// How each audit entry reads, in any of the console's languages. The log stores what happened as
// an action code with its arguments (lib/audit/audit-actions.ts); this words it with the messages
// of `audit.entry` and `roles.names`: the console's page in the reader's language, the API's
// `summary` in English. Pure: the browser runs it too.
import type { createTranslator } from "use-intl/core";
import type { Messages } from "../i18n/messages";
import { formatUtc9Minute } from "../shared/utc9";
import type { AuditAction, AuditDetail } from "./audit-actions";

/** A translator over all the console's messages: `useTranslations()` or `createTranslator`. */
export type MessagesTranslator = ReturnType<typeof createTranslator<Messages>>;

const ROLES = new Set(["admin", "member", "viewer"]);

/** An instant stored in an entry, as "2026-12-08 10:00" in UTC+9 (the log's zone). */
function utc9Minute(iso: string): string {
  const instant = new Date(iso);
  return Number.isNaN(instant.getTime()) ? iso : formatUtc9Minute(instant);
}

/** One line in plain words, in the translator's language; an unknown action prints its code. */
export function wordAuditEntry(t: MessagesTranslator, action: string, detail: AuditDetail): string {
  const text = (value: unknown) =>
    value === null || value === undefined || value === "" ? t("audit.entry.none") : String(value);
  const onOff = (value: unknown) => (value ? t("audit.entry.on") : t("audit.entry.off"));
  const role = (value: unknown) =>
    typeof value === "string" && ROLES.has(value)
      ? t(`roles.names.${value as "admin" | "member" | "viewer"}`)
      : text(value);
  // Stored as the column is: a JSON list, or null for every type.
  const alertTypes = (value: unknown) => {
    if (value === null || value === undefined) return t("audit.entry.allAlertTypes");
    try {
      const types: unknown = JSON.parse(String(value));
      return Array.isArray(types) ? types.join(", ") : text(value);
    } catch {
      return text(value);
    }
  };
  const change = (format: (value: unknown) => string = text) => ({
    from: format(detail.from),
    to: format(detail.to),
  });
  const d = detail;
  const words: Record<AuditAction, () => string> = {
    "provider.created": () => t("audit.entry.providerCreated", { name: text(d.name) }),
    "provider.renamed": () => t("audit.entry.providerRenamed", change()),
    "channel.created": () =>
      t("audit.entry.channelCreated", { name: text(d.name), channelId: text(d.channelId) }),
    "channel.renamed": () => t("audit.entry.channelRenamed", change()),
    "channel.description_changed": () => t("audit.entry.channelDescriptionChanged", change()),
    "channel.deleted": () =>
      t("audit.entry.channelDeleted", { name: text(d.name), channelId: text(d.channelId) }),
    "webhook_url.changed": () => t("audit.entry.webhookUrlChanged", change()),
    "use_webhook.changed": () => t("audit.entry.useWebhookChanged", change(onOff)),
    "webhook_redelivery.changed": () => t("audit.entry.webhookRedeliveryChanged", change(onOff)),
    "error_statistics_aggregation.changed": () =>
      t("audit.entry.errorStatisticsAggregationChanged", change(onOff)),
    "notification_email.changed": () => t("audit.entry.notificationEmailChanged", change()),
    "error_notification.changed": () => t("audit.entry.errorNotificationChanged", change(onOff)),
    "channel_secret.revealed": () => t("audit.entry.channelSecretRevealed"),
    "channel_secret.reissued": () =>
      typeof d.switchesAt === "string"
        ? t("audit.entry.channelSecretReissuedAt", { time: utc9Minute(d.switchesAt) })
        : t("audit.entry.channelSecretReissued"),
    "access_token.issued": () =>
      typeof d.earlierValidUntil === "string"
        ? t("audit.entry.accessTokenReissuedUntil", { until: utc9Minute(d.earlierValidUntil) })
        : d.revokedEarlier
          ? t("audit.entry.accessTokenReissued")
          : t("audit.entry.accessTokenIssued"),
    "member.added": () =>
      t("audit.entry.memberAdded", { email: text(d.email), role: role(d.role) }),
    "member.role_changed": () =>
      t("audit.entry.memberRoleChanged", { email: text(d.email), ...change(role) }),
    "member.removed": () =>
      t("audit.entry.memberRemoved", { email: text(d.email), role: role(d.role) }),
    "invitation.created": () =>
      t("audit.entry.invitationCreated", { email: text(d.email), role: role(d.role) }),
    "invitation.revoked": () => t("audit.entry.invitationRevoked", { email: text(d.email) }),
    "invitation.accepted": () =>
      t("audit.entry.invitationAccepted", { email: text(d.email), role: role(d.role) }),
    "webhooks.redelivered_now": () =>
      d.count === 1
        ? t("audit.entry.redeliveredOne", { webhookIds: text(d.webhookIds) })
        : t("audit.entry.redeliveredMany", {
            count: text(d.count),
            webhookIds: text(d.webhookIds),
          }),
    "two_factor.enabled": () => t("audit.entry.twoFactorEnabled"),
    "two_factor.disabled": () => t("audit.entry.twoFactorDisabled"),
    "two_factor.recovery_code_used": () => t("audit.entry.twoFactorRecoveryCodeUsed"),
    "pause_rule.changed": () =>
      typeof d.minutes === "number"
        ? t("audit.entry.pauseRuleSet", { minutes: d.minutes, attempts: Number(d.attempts) })
        : t("audit.entry.pauseRuleRemoved"),
    "channel.paused": () =>
      d.minutes === undefined
        ? t("audit.entry.channelPausedByHand")
        : t("audit.entry.channelPaused", {
            minutes: Number(d.minutes),
            failedAttempts: Number(d.failedAttempts),
          }),
    "channel.resumed": () =>
      t("audit.entry.channelResumed", {
        backlog: Number(d.backlog),
        drainPerSecond: Number(d.drainPerSecond),
      }),
    "replay.started": () =>
      t("audit.entry.replayStarted", {
        count: Number(d.count),
        filter: text(d.filter),
        ratePerSecond: Number(d.ratePerSecond),
        delivered: d.includeDelivered ? "yes" : "no",
      }),
    "replay.cancelled": () =>
      t("audit.entry.replayCancelled", { queued: Number(d.queued), count: Number(d.count) }),
    "replay.finished": () =>
      d.outcome === "failed"
        ? t("audit.entry.replayFailed", { queued: Number(d.queued) })
        : t("audit.entry.replayFinished", { queued: Number(d.queued) }),
    "alert_types.changed": () => t("audit.entry.alertTypesChanged", change(alertTypes)),
  };
  return Object.hasOwn(words, action) ? words[action as AuditAction]() : action;
}
