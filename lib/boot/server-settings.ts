import "server-only";
import { consoleAdminSettingFromEnv } from "../auth/console-admin-setting";
import { signInLimitPerMinuteFromEnv } from "../auth/sign-in-limits";
import { twoFactorRequirementFromEnv } from "../auth/two-factor-setting";
import { endpointLimitPerMinuteFromEnv } from "../channels/webhook-endpoint";
import { webhookUrlPolicyFromEnv } from "../channels/webhook-url-policy";
import { secretKeySettingFromEnv } from "../crypto/secret-key";
import { resolveDatabaseConfig } from "../db/config";
import { dispatchSettingsFromEnv } from "../dispatch/dispatch-settings";
import { dispatcherEnabledFromEnv } from "../dispatch/dispatcher-instance";
import { trustedProxiesFromEnv } from "../http/client-address";
import { metricsSettingsFromEnv } from "../metrics/metrics-settings";
import { notificationSettingsFromEnv } from "../notifications/notification-settings";
import { retentionSettingsFromEnv } from "../retention/retention-settings";
import { httpServerSettingsFromEnv } from "../settings/http-server-settings";
import type { Env } from "../settings/read-env";
import { verifyLimitPerHourFromEnv } from "../verification/verification-rate-limit";

/**
 * Every setting the server reads, read once at start-up: a bad value stops the server there,
 * with a message naming the variable, instead of failing the first request that needs it.
 */
export function serverSettingsFromEnv(env: Env = process.env) {
  const database = resolveDatabaseConfig(env.DATABASE_URL);
  return {
    /** PORT, HOSTNAME_BIND, KEEP_ALIVE_TIMEOUT_MS, CONSOLE_ORIGIN (scripts/serve.mjs reads them first). */
    http: httpServerSettingsFromEnv(env),
    /** TRUSTED_PROXIES: the reverse proxies whose X-Forwarded-For is believed (scripts/serve.mjs). */
    trustedProxies: trustedProxiesFromEnv(env),
    database,
    /** CONSOLE_SECRET_KEY, or the key file generated beside the database (or in data/). */
    secretKey: secretKeySettingFromEnv(env, database),
    dispatch: dispatchSettingsFromEnv(env),
    dispatcherEnabled: dispatcherEnabledFromEnv(env),
    /** RETENTION, RETENTION_*_DAYS, RETENTION_INTERVAL_MS: what the retention job deletes, how often. */
    retention: retentionSettingsFromEnv(env),
    /** SMTP_URL, NOTIFICATION_FROM, NOTIFICATION_COOLDOWN_MS, NOTIFICATION_RETRY_MS. */
    notifications: notificationSettingsFromEnv(env),
    verifyLimitPerHour: verifyLimitPerHourFromEnv(env),
    signInLimitPerMinute: signInLimitPerMinuteFromEnv(env),
    /** TWO_FACTOR_REQUIRED: none, or admins (console administrators and provider Admins). */
    twoFactorRequired: twoFactorRequirementFromEnv(env),
    endpointLimitPerMinute: endpointLimitPerMinuteFromEnv(env),
    webhookUrlPolicy: webhookUrlPolicyFromEnv(env),
    /** CONSOLE_ADMIN_EMAIL and CONSOLE_ADMIN_PASSWORD: the console administrator made at start. */
    consoleAdmin: consoleAdminSettingFromEnv(env),
    /** METRICS_TOKEN, METRICS_CHANNEL_LABELS, METRICS_CHANNEL_LABEL_LIMIT: how /metrics is served. */
    metrics: metricsSettingsFromEnv(env),
  };
}

export type ServerSettings = ReturnType<typeof serverSettingsFromEnv>;
