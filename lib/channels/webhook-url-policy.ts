import { booleanSetting, type Env } from "../settings/read-env";
import type { WebhookUrlPolicy } from "../shared/webhook-url";

/**
 * Plain http is allowed by default because bots under development listen on localhost;
 * WEBHOOK_URL_REQUIRE_HTTPS=true restores LINE's https-only rule (ADR 4).
 */
export function webhookUrlPolicyFromEnv(env: Env = process.env): WebhookUrlPolicy {
  return { requireHttps: booleanSetting(env, "WEBHOOK_URL_REQUIRE_HTTPS", false) };
}
