// What the audit log records, and how the console words each entry. The action names are stored,
// so they never change meaning; add new ones rather than reuse.

/** Who the log names for a change made with a channel's access token (the /v2 API, events). */
export const CHANNEL_TOKEN_ACTOR = "channel access token";

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
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What changed: scalar values only, so every entry prints as one line. */
export type AuditDetail = Readonly<Record<string, string | boolean | number | null>>;

const shown = (value: unknown) =>
  value === null || value === undefined || value === "" ? "(none)" : String(value);
const onOff = (value: unknown) => (value ? "on" : "off");
const change = (detail: AuditDetail, format: (value: unknown) => string = shown) =>
  `${format(detail.from)} → ${format(detail.to)}`;

const SUMMARIES: Readonly<Record<AuditAction, (detail: AuditDetail) => string>> = {
  "provider.created": (d) => `Created provider ${shown(d.name)}`,
  "provider.renamed": (d) => `Renamed provider: ${change(d)}`,
  "channel.created": (d) => `Created channel ${shown(d.name)} (${shown(d.channelId)})`,
  "channel.renamed": (d) => `Renamed channel: ${change(d)}`,
  "channel.description_changed": (d) => `Changed channel description: ${change(d)}`,
  "channel.deleted": (d) => `Deleted channel ${shown(d.name)} (${shown(d.channelId)})`,
  "webhook_url.changed": (d) => `Webhook URL: ${change(d)}`,
  "use_webhook.changed": (d) => `Use webhook: ${change(d, onOff)}`,
  "webhook_redelivery.changed": (d) => `Webhook redelivery: ${change(d, onOff)}`,
  "error_statistics_aggregation.changed": (d) =>
    `Error statistics aggregation: ${change(d, onOff)}`,
  "notification_email.changed": (d) => `Email address: ${change(d)}`,
  "error_notification.changed": (d) => `Error notification: ${change(d, onOff)}`,
  "channel_secret.revealed": () => "Revealed the channel secret",
  "channel_secret.reissued": () => "Reissued the channel secret",
  "access_token.issued": (d) =>
    d.revokedEarlier ? "Reissued the channel access token" : "Issued a channel access token",
  "member.added": (d) => `Added ${shown(d.email)} as ${shown(d.role)}`,
  "member.role_changed": (d) => `Changed ${shown(d.email)}'s role: ${change(d)}`,
  "member.removed": (d) => `Removed ${shown(d.email)} (${shown(d.role)})`,
  "invitation.created": (d) => `Invited ${shown(d.email)} as ${shown(d.role)}`,
  "invitation.revoked": (d) => `Revoked the invitation of ${shown(d.email)}`,
  "invitation.accepted": (d) => `${shown(d.email)} accepted the invitation as ${shown(d.role)}`,
  "webhooks.redelivered_now": (d) =>
    d.count === 1
      ? `Redelivered webhook ${shown(d.webhookIds)} now`
      : `Redelivered ${shown(d.count)} webhooks now: ${shown(d.webhookIds)}`,
  "two_factor.enabled": () => "Turned on two-factor sign-in",
  "two_factor.disabled": () => "Turned off two-factor sign-in",
  "two_factor.recovery_code_used": () => "Signed in with a two-factor recovery code",
};

/** One line in plain words, as the audit tab shows it. */
export function summarizeAuditEntry(action: string, detail: AuditDetail): string {
  const summarize = SUMMARIES[action as AuditAction];
  return summarize ? summarize(detail) : action;
}
