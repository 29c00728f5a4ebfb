// The Webhook URL field's words for why a typed URL is refused. The rule (lib/shared/
// webhook-url.ts) is shared with the server and answers with a code and what it names; the API
// says it in English from the same code, the field in the page's language. Pure, for its test.
import type { Translator } from "@/components/i18n/translator";
import type { WebhookUrlRefusal } from "@/lib/shared/webhook-url";

/** "Webhook URL must start with https://", in the translator's language. */
export function webhookUrlRefusalText(
  t: Translator<"channels.webhookUrl">,
  refusal: WebhookUrlRefusal,
): string {
  const { code, ...values } = refusal;
  return t(`problems.${code}`, values);
}
