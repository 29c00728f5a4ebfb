import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import {
  describeWebhookUrlRefusal,
  LOOPBACK_HOSTS_TEXT,
  MAX_WEBHOOK_URL_LENGTH,
  type WebhookUrlRefusal,
  webhookUrlProblem,
  webhookUrlRefusal,
} from "@/lib/shared/webhook-url";
import { webhookUrlRefusalText } from "./webhook-url-problem";

const en = createTranslator({
  locale: "en",
  messages: MESSAGES.en,
  namespace: "channels.webhookUrl",
});
const ja = createTranslator({
  locale: "ja",
  messages: MESSAGES.ja,
  namespace: "channels.webhookUrl",
});

const HTTP_ALLOWED = { requireHttps: false };
const HTTPS_ONLY = { requireHttps: true };

function refusalOf(url: string, policy: typeof HTTP_ALLOWED): WebhookUrlRefusal {
  const refusal = webhookUrlRefusal(url, policy);
  if (!refusal) throw new Error(`${url} passes the rule`);
  return refusal;
}

describe("webhookUrlRefusalText", () => {
  it.each([
    [`https://example.com/${"a".repeat(MAX_WEBHOOK_URL_LENGTH)}`, HTTP_ALLOWED, "tooLong"],
    ["not a url", HTTP_ALLOWED, "invalid"],
    ["http://example.com/webhook", HTTPS_ONLY, "httpsOnly"],
    ["ftp://example.com/hook", HTTP_ALLOWED, "httpOrHttps"],
    ["https://example.com/a\tb", HTTP_ALLOWED, "hiddenCharacter"],
    ["https://example.com/\u202eabc", HTTP_ALLOWED, "hiddenCharacter"],
    ["https://example.com\\evil.example/", HTTP_ALLOWED, "backslash"],
    ["https:///webhook", HTTP_ALLOWED, "noHost"],
    ["https://user:secret@example.com/hook", HTTP_ALLOWED, "credentials"],
    ["http://2130706433/", HTTP_ALLOWED, "ipv4"],
    ["https://[::ffff:127.0.0.1]/", HTTP_ALLOWED, "ipv6"],
    ["https://ex%61mple.com/", HTTP_ALLOWED, "percentEncodedHost"],
    ["https://example.com/a/../b", HTTP_ALLOWED, "dotSegments"],
    ["http://example.com/webhook", HTTP_ALLOWED, "httpNotLoopback"],
  ] as const)(
    "says the rule's refusal of %j in English as the API does, after the field's name",
    (url, policy, code) => {
      const refusal = refusalOf(url, policy);
      expect(refusal.code).toBe(code);
      expect(webhookUrlRefusalText(en, refusal)).toBe(
        `Webhook URL ${webhookUrlProblem(url, policy)}`,
      );
      expect(webhookUrlRefusalText(ja, refusal)).toMatch(/^Webhook URL/);
    },
  );

  it("says a host written in another notation as the API does (no URL above reaches it)", () => {
    const refusal: WebhookUrlRefusal = { code: "hostCase", host: "example.com" };
    expect(webhookUrlRefusalText(en, refusal)).toBe(
      `Webhook URL ${describeWebhookUrlRefusal(refusal)}`,
    );
    expect(webhookUrlRefusalText(ja, refusal)).toContain("example.com");
  });

  it("says it in Japanese, with what the refusal names", () => {
    expect(webhookUrlRefusalText(ja, refusalOf("http://example.com/webhook", HTTPS_ONLY))).toBe(
      "Webhook URLはhttps://で始めてください。",
    );
    expect(webhookUrlRefusalText(ja, refusalOf("http://2130706433/", HTTP_ALLOWED))).toBe(
      "Webhook URLのIPv4アドレスは127.0.0.1と記述してください。",
    );
    expect(webhookUrlRefusalText(ja, refusalOf("https://example.com/a b", HTTP_ALLOWED))).toContain(
      "U+0020",
    );
  });
});

describe("the Webhook URL field's hints", () => {
  it("read in English as the rule's numbers and hosts", () => {
    expect(en("hintHttpsOnly", { max: String(MAX_WEBHOOK_URL_LENGTH) })).toBe(
      `https only, up to ${MAX_WEBHOOK_URL_LENGTH} characters. Leave empty to remove.`,
    );
    expect(en("hintHttpAllowed", { max: String(MAX_WEBHOOK_URL_LENGTH) })).toBe(
      `https; plain http only for ${LOOPBACK_HOSTS_TEXT}. Up to ${MAX_WEBHOOK_URL_LENGTH} characters. Leave empty to remove.`,
    );
  });
});
