import { httpServerSettingsFromEnv } from "../settings/http-server-settings";
import {
  type Env,
  InvalidSettingError,
  intSettingBetween,
  optionalSetting,
  secretSetting,
} from "../settings/read-env";

/** How error notification emails are made and sent (docs/operations.md, Configuration; ADR 20). */
export interface NotificationSettings {
  /**
   * SMTP_URL (`smtp://user:pass@host:587`, `smtps://…`): the mail server. Unset, emails are kept
   * in the console's outbox only.
   */
  smtpUrl: string | null;
  /** SMTP_TIMEOUT_MS: the longest wait for the mail server at each step of one send. */
  smtpTimeoutMs: number;
  /** NOTIFICATION_FROM: the From of every email. */
  from: string;
  /** NOTIFICATION_COOLDOWN_MS: at most one email of a kind per channel in this time. */
  cooldownMs: number;
  /** NOTIFICATION_RETRY_MS: the first wait after a failed send; it doubles up to an hour. */
  retryMs: number;
  /** Where the links in the emails point: the console's first CONSOLE_ORIGIN. */
  consoleOrigin: string;
}

/** Node's longest timer; a longer cooldown would fire at once. */
const MAX_MS = 2_147_483_647;

export function notificationSettingsFromEnv(env: Env = process.env): NotificationSettings {
  const from =
    optionalSetting(env, "NOTIFICATION_FROM") ?? "Webhook Console <webhook-console@localhost>";
  if (!/^[^\r\n<>]*<[^\s<>@]+@[^\s<>@]+>$|^[^\s<>@]+@[^\s<>@]+$/.test(from)) {
    throw new InvalidSettingError(
      "NOTIFICATION_FROM",
      "an address, alone or as `Name <address>`",
      from,
    );
  }
  return {
    // It may hold the mail server's password: never echoed back.
    smtpUrl: secretSetting(env, "SMTP_URL", "an smtp:// or smtps:// URL", (raw) =>
      /^smtps?:\/\/[^/\s]+/i.test(raw) && URL.canParse(raw) ? raw : null,
    ),
    smtpTimeoutMs: intSettingBetween(env, "SMTP_TIMEOUT_MS", 30_000, { min: 100, max: 600_000 }),
    from,
    cooldownMs: intSettingBetween(env, "NOTIFICATION_COOLDOWN_MS", 600_000, {
      min: 0,
      max: MAX_MS,
    }),
    retryMs: intSettingBetween(env, "NOTIFICATION_RETRY_MS", 30_000, { min: 1, max: MAX_MS }),
    consoleOrigin: httpServerSettingsFromEnv(env).origins[0] ?? "http://localhost:3000",
  };
}
