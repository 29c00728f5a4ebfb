import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import {
  LOOPBACK_HOSTS_TEXT,
  MAX_WEBHOOK_URL_LENGTH,
  webhookUrlProblem,
} from "@/lib/shared/webhook-url";
import { webhookUrlProblemMessage } from "./webhook-url-problem";

const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "channels" });
const ja = createTranslator({ locale: "ja", messages: MESSAGES.ja, namespace: "channels" });

const HTTP_ALLOWED = { requireHttps: false };
const HTTPS_ONLY = { requireHttps: true };

function say(t: typeof en, problem: string): string {
  const { key, values } = webhookUrlProblemMessage(problem);
  return t(`webhookUrl.problems.${key}`, values);
}

describe("webhookUrlProblemMessage", () => {
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
    "knows the rule's answer for %j and says it in English as before",
    (url, policy, key) => {
      const problem = webhookUrlProblem(url, policy);
      expect(problem).not.toBeNull();
      expect(webhookUrlProblemMessage(problem ?? "").key).toBe(key);
      expect(say(en, problem ?? "")).toBe(`Webhook URL ${problem}`);
    },
  );

  it("knows a host written in another case", () => {
    const problem = "must write the host as example.com";
    expect(webhookUrlProblemMessage(problem)).toEqual({
      key: "hostCase",
      values: { host: "example.com" },
    });
    expect(say(en, problem)).toBe(`Webhook URL ${problem}`);
  });

  it("shows an answer it does not know as the rule wrote it", () => {
    const problem = "must be something new";
    expect(webhookUrlProblemMessage(problem)).toEqual({ key: "other", values: { problem } });
    expect(say(en, problem)).toBe("Webhook URL must be something new");
  });

  it("says it in Japanese, with the values of the answer", () => {
    expect(say(ja, webhookUrlProblem("http://example.com/webhook", HTTPS_ONLY) ?? "")).toBe(
      "Webhook URLはhttps://で始めてください。",
    );
    expect(say(ja, webhookUrlProblem("http://2130706433/", HTTP_ALLOWED) ?? "")).toBe(
      "Webhook URLのIPv4アドレスは127.0.0.1と記述してください。",
    );
    expect(say(ja, webhookUrlProblem("https://example.com/a b", HTTP_ALLOWED) ?? "")).toContain(
      "U+0020",
    );
  });
});

describe("the Webhook URL field's hints", () => {
  it("read in English as the rule's numbers and hosts", () => {
    expect(en("webhookUrl.hintHttpsOnly", { max: String(MAX_WEBHOOK_URL_LENGTH) })).toBe(
      `https only, up to ${MAX_WEBHOOK_URL_LENGTH} characters. Leave empty to remove.`,
    );
    expect(en("webhookUrl.hintHttpAllowed", { max: String(MAX_WEBHOOK_URL_LENGTH) })).toBe(
      `https; plain http only for ${LOOPBACK_HOSTS_TEXT}. Up to ${MAX_WEBHOOK_URL_LENGTH} characters. Leave empty to remove.`,
    );
  });
});
