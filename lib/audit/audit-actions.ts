// What the audit log records. The action names are stored, so they never change meaning; add new
// ones rather than reuse. How each reads: lib/audit/audit-wording.ts.

/** Who the log names for a change made with a channel's access token (the /v2 API, events). */
export const CHANNEL_TOKEN_ACTOR = "channel access token";
/** Who the log names for a pause the channel's pause rule made (lib/channels/pause-sending.ts). */
export const PAUSE_RULE_ACTOR = "pause rule";
/** Who the log names for what a replay job's runner records: its end (lib/replay/). */
export const REPLAY_RUNNER_ACTOR = "replay";

export const AUDIT_ACTIONS = [
  "provider.created",
  "provider.renamed",
  "channel.created",
  "channel.renamed",
  "channel.description_changed",
  "channel.deleted",
  "webhook_url.changed",
  "use_webhook.changed",
  "webhook_redelivery.changed",
  "error_statistics_aggregation.changed",
  "notification_email.changed",
  "error_notification.changed",
  "channel_secret.revealed",
  "channel_secret.reissued",
  "access_token.issued",
  "member.added",
  "member.role_changed",
  "member.removed",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "webhooks.redelivered_now",
  "two_factor.enabled",
  "two_factor.disabled",
  "two_factor.recovery_code_used",
  "pause_rule.changed",
  "channel.paused",
  "channel.resumed",
  "replay.started",
  "replay.cancelled",
  "replay.finished",
  "alert_types.changed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What changed: scalar values only, so every entry prints as one line. */
export type AuditDetail = Readonly<Record<string, string | boolean | number | null>>;
