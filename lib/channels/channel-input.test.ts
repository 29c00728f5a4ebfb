import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidSettingError } from "../settings/read-env";
import { updateChannelInput } from "./channel-input";
import { webhookUrlPolicyFromEnv } from "./webhook-url-policy";

/** A valid https URL of exactly `length` characters. */
function urlOfLength(length: number, prefix = "https://example.com/"): string {
  return prefix + "a".repeat(length - prefix.length);
}

describe("webhookUrlPolicyFromEnv", () => {
  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
    ["", false],
    [undefined, false],
  ])("WEBHOOK_URL_REQUIRE_HTTPS=%j → requireHttps %s", (value, expected) => {
    expect(webhookUrlPolicyFromEnv({ WEBHOOK_URL_REQUIRE_HTTPS: value })).toEqual({
      requireHttps: expected,
    });
  });

  it.each(["yes", "TRUE", "on"])("refuses WEBHOOK_URL_REQUIRE_HTTPS=%j, naming it", (value) => {
    expect(() => webhookUrlPolicyFromEnv({ WEBHOOK_URL_REQUIRE_HTTPS: value })).toThrow(
      InvalidSettingError,
    );
    expect(() => webhookUrlPolicyFromEnv({ WEBHOOK_URL_REQUIRE_HTTPS: value })).toThrow(
      "WEBHOOK_URL_REQUIRE_HTTPS",
    );
  });
});

describe("webhookUrl in a channel update", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  function parseWebhookUrl(webhookUrl: unknown) {
    return updateChannelInput.safeParse({ webhookUrl });
  }

  it("stores the URL trimmed, and checks the length after trimming", () => {
    const longest = urlOfLength(500);
    expect(parseWebhookUrl(`  ${longest}\n`)).toMatchObject({
      success: true,
      data: { webhookUrl: longest },
    });
  });

  it.each([null, "", "   "])("clears the URL for %j", (value) => {
    expect(parseWebhookUrl(value)).toMatchObject({ success: true, data: { webhookUrl: null } });
  });

  it.each([
    ["ftp://example.com/", "must start with https:// or http://"],
    [urlOfLength(501), "must be at most 500 characters"],
    [42, "must be a string or null"],
  ])("refuses %j: %s", (value, message) => {
    const result = parseWebhookUrl(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ["webhookUrl"], message }),
    ]);
  });

  it("refuses http when WEBHOOK_URL_REQUIRE_HTTPS is set", () => {
    expect(parseWebhookUrl("http://example.com/").success).toBe(true);
    vi.stubEnv("WEBHOOK_URL_REQUIRE_HTTPS", "true");
    expect(parseWebhookUrl("http://example.com/").error?.issues[0]?.message).toBe(
      "must start with https://",
    );
  });
});
