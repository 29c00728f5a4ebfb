import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "../i18n/messages";
import { AUDIT_ACTIONS, type AuditAction, type AuditDetail } from "./audit-actions";
import { wordAuditEntry } from "./audit-wording";

const errors: unknown[] = [];
const translator = (locale: "en" | "ja") =>
  createTranslator({ locale, messages: MESSAGES[locale], onError: (error) => errors.push(error) });
const en = translator("en");
const ja = translator("ja");

// One example of every action, and how it reads in English (the API's summary) and Japanese.
const EXAMPLES: Record<AuditAction, [AuditDetail, string, string]> = {
  "provider.created": [{ name: "Acme" }, "Created provider Acme", "プロバイダーAcmeを作成しました"],
  "provider.renamed": [
    { from: "Acme", to: "Acme Corp" },
    "Renamed provider: Acme → Acme Corp",
    "プロバイダー名を変更しました：Acme → Acme Corp",
  ],
  "channel.created": [
    { name: "Bot", channelId: "1234567890" },
    "Created channel Bot (1234567890)",
    "チャネルBot（1234567890）を作成しました",
  ],
  "channel.renamed": [
    { from: "Bot", to: "Bot 2" },
    "Renamed channel: Bot → Bot 2",
    "チャネル名を変更しました：Bot → Bot 2",
  ],
  "channel.description_changed": [
    { from: "", to: "Orders" },
    "Changed channel description: (none) → Orders",
    "チャネル説明を変更しました：（なし） → Orders",
  ],
  "channel.deleted": [
    { name: "Bot", channelId: "1234567890" },
    "Deleted channel Bot (1234567890)",
    "チャネルBot（1234567890）を削除しました",
  ],
  "webhook_url.changed": [
    { from: null, to: "https://bot.example.com/hook" },
    "Webhook URL: (none) → https://bot.example.com/hook",
    "Webhook URL：（なし） → https://bot.example.com/hook",
  ],
  "use_webhook.changed": [
    { from: false, to: true },
    "Use webhook: off → on",
    "Webhookの利用：オフ → オン",
  ],
  "webhook_redelivery.changed": [
    { from: true, to: false },
    "Webhook redelivery: on → off",
    "Webhookの再送：オン → オフ",
  ],
  "error_statistics_aggregation.changed": [
    { from: false, to: true },
    "Error statistics aggregation: off → on",
    "エラーの統計情報：オフ → オン",
  ],
  "notification_email.changed": [
    { from: "team@example.com", to: null },
    "Email address: team@example.com → (none)",
    "メールアドレス：team@example.com → （なし）",
  ],
  "error_notification.changed": [
    { from: false, to: true },
    "Error notification: off → on",
    "エラー通知：オフ → オン",
  ],
  "channel_secret.revealed": [
    {},
    "Revealed the channel secret",
    "チャネルシークレットを表示しました",
  ],
  "channel_secret.reissued": [
    {},
    "Reissued the channel secret",
    "チャネルシークレットを再発行しました",
  ],
  "access_token.issued": [
    { revokedEarlier: false },
    "Issued a channel access token",
    "チャネルアクセストークンを発行しました",
  ],
  "member.added": [
    { email: "a@example.com", role: "viewer" },
    "Added a@example.com as Viewer",
    "a@example.comを閲覧者として追加しました",
  ],
  "member.role_changed": [
    { email: "a@example.com", from: "viewer", to: "admin" },
    "Changed a@example.com's role: Viewer → Admin",
    "a@example.comの権限を変更しました：閲覧者 → 管理者",
  ],
  "member.removed": [
    { email: "a@example.com", role: "member" },
    "Removed a@example.com (Member)",
    "a@example.com（メンバー）を削除しました",
  ],
  "invitation.created": [
    { email: "b@example.com", role: "member" },
    "Invited b@example.com as Member",
    "b@example.comをメンバーとして招待しました",
  ],
  "invitation.revoked": [
    { email: "b@example.com" },
    "Revoked the invitation of b@example.com",
    "b@example.comへの招待を取り消しました",
  ],
  "invitation.accepted": [
    { email: "b@example.com", role: "admin" },
    "b@example.com accepted the invitation as Admin",
    "b@example.comが管理者として招待を承諾しました",
  ],
  "webhooks.redelivered_now": [
    { count: 2, webhookIds: "01A, 01B" },
    "Redelivered 2 webhooks now: 01A, 01B",
    "2件のWebhookを今すぐ再送しました：01A, 01B",
  ],
  "two_factor.enabled": [{}, "Turned on two-factor sign-in", "2要素認証をオンにしました"],
  "two_factor.disabled": [{}, "Turned off two-factor sign-in", "2要素認証をオフにしました"],
  "two_factor.recovery_code_used": [
    {},
    "Signed in with a two-factor recovery code",
    "2要素認証のリカバリーコードでサインインしました",
  ],
  "pause_rule.changed": [
    { minutes: 10, attempts: 1 },
    "Pause rule: pause sending when every attempt has failed for 10 minutes (at least 1 attempt)",
    "一時停止のルール：すべての送信が10分間失敗し続けたら（1回以上）送信を一時停止",
  ],
  "channel.paused": [
    { minutes: 1, failedAttempts: 42 },
    "Paused sending: every attempt had failed for 1 minute (42 failed attempts)",
    "送信を一時停止しました：すべての送信が1分間失敗し続けました（失敗42回）",
  ],
  "replay.started": [
    { count: 2, filter: "result=failed", ratePerSecond: 50, includeDelivered: false },
    "Started a replay of 2 webhooks (result=failed) at up to 50 per second",
    "2件のWebhookの再送ジョブを開始しました（result=failed）。毎秒最大50件",
  ],
  "replay.cancelled": [
    { queued: 1, count: 3 },
    "Cancelled a replay after 1 webhook of 3",
    "再送ジョブを3件中1件でキャンセルしました",
  ],
  "replay.finished": [
    { outcome: "done", queued: 3 },
    "A replay finished: 3 webhooks sent again",
    "再送ジョブが完了しました：3件のWebhookを再送",
  ],
  "channel.resumed": [
    { backlog: 1, drainPerSecond: 10 },
    "Resumed sending: 1 waiting webhook, sent at up to 10 per second",
    "送信を再開しました：待機中のWebhook 1件を毎秒最大10件で送信",
  ],
  "alert_types.changed": [
    { from: null, to: '["channel.paused","channel.resumed"]' },
    "Alert types: all → channel.paused, channel.resumed",
    "アラートの種類：すべて → channel.paused, channel.resumed",
  ],
};

describe("wordAuditEntry", () => {
  it.each(AUDIT_ACTIONS)("words %s in English and in Japanese", (action) => {
    const [detail, english, japanese] = EXAMPLES[action];
    expect(wordAuditEntry(en, action, detail)).toBe(english);
    expect(wordAuditEntry(ja, action, detail)).toBe(japanese);
    expect(errors).toEqual([]);
  });

  it("tells a reissued token, one with a grace period, and a single redelivery apart", () => {
    expect(wordAuditEntry(ja, "access_token.issued", { revokedEarlier: true })).toBe(
      "チャネルアクセストークンを再発行しました",
    );
    const grace = { revokedEarlier: true, earlierValidUntil: "2026-12-08T01:00:00.000Z" };
    expect(wordAuditEntry(en, "access_token.issued", grace)).toBe(
      "Reissued the channel access token; earlier tokens work until 2026-12-08 10:00 (UTC+9)",
    );
    expect(wordAuditEntry(en, "webhooks.redelivered_now", { count: 1, webhookIds: "01A" })).toBe(
      "Redelivered webhook 01A now",
    );
  });

  it("prints an unknown action's code, and a role it does not know as it is", () => {
    expect(wordAuditEntry(ja, "channel.exploded", {})).toBe("channel.exploded");
    expect(wordAuditEntry(ja, "toString", {})).toBe("toString");
    expect(wordAuditEntry(en, "member.added", { email: "a@example.com", role: "owner" })).toBe(
      "Added a@example.com as owner",
    );
  });
});
