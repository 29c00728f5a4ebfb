import { booleanSetting, type Env } from "../settings/read-env";
import type { WebhookUrlPolicy } from "../shared/webhook-url";

/**
 * LINE takes https only. By default plain http is still allowed for loopback hosts (localhost,
 * 127.0.0.0/8, [::1]), because bots under development and the demo bot listen there;
 * WEBHOOK_URL_REQUIRE_HTTPS=true refuses that too, as LINE does (ADR 4).
 */
export function webhookUrlPolicyFromEnv(env: Env = process.env): WebhookUrlPolicy {
  return { requireHttps: booleanSetting(env, "WEBHOOK_URL_REQUIRE_HTTPS", false) };
}
