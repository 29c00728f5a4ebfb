import { afterEach, describe, expect, it, vi } from "vitest";
import { parseWebhookTarget } from "../dispatch/send/webhook-target";
import { InvalidSettingError } from "../settings/read-env";
import { changesAdminSettings, updateChannelInput } from "./channel-input";
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

  it("refuses http when WEBHOOK_URL_REQUIRE_HTTPS is set, even to a loopback host", () => {
    expect(parseWebhookUrl("http://localhost:3001/webhook").success).toBe(true);
    vi.stubEnv("WEBHOOK_URL_REQUIRE_HTTPS", "true");
    expect(parseWebhookUrl("http://localhost:3001/webhook").error?.issues[0]?.message).toBe(
      "must start with https://",
    );
  });

  it("refuses http to any other host by default", () => {
    expect(parseWebhookUrl("http://example.com/").error?.issues[0]?.message).toBe(
      "must start with https:// (http is allowed only for localhost, 127.0.0.0/8 and [::1])",
    );
  });

  it.each(["http://a\nb/", "http://local\thost/", "http:///path", "https:/example.com/"])(
    "refuses %j, which URL parsing would send elsewhere than it reads",
    (value) => {
      const result = parseWebhookUrl(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["webhookUrl"] })]);
    },
  );

  // What is stored is the text sent (trimmed), and it must be the URL the dispatcher calls:
  // the host, port and path it parses out are the ones written, in any notation.
  it.each([
    ["https://Example.COM/Hook?x=1", "example.com", 443, "/Hook?x=1"],
    ["https://example.com", "example.com", 443, "/"],
    ["http://127.1.2.3:8080/a/b", "127.1.2.3", 8080, "/a/b"],
    ["http://[::1]:3001/webhook", "::1", 3001, "/webhook"],
    ["https://b\u00fccher.example/hook", "xn--bcher-kva.example", 443, "/hook"],
  ])("stores %s as sent, and the dispatcher calls it", (value, host, port, path) => {
    const result = parseWebhookUrl(` ${value} `);
    expect(result).toMatchObject({ success: true, data: { webhookUrl: value } });
    const target = parseWebhookTarget(value);
    expect({ host: target.host, port: target.port, path: target.path }).toEqual({
      host,
      port,
      path,
    });
  });
});

describe("the error notification settings in a channel update", () => {
  const parse = (body: unknown) => updateChannelInput.safeParse(body);
  const problem = (body: unknown) => {
    const result = parse(body);
    return result.success
      ? null
      : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  };

  it("stores the email address trimmed; an empty one or null clears it", () => {
    expect(parse({ notificationEmail: "  team@example.com " }).data).toEqual({
      notificationEmail: "team@example.com",
    });
    expect(parse({ notificationEmail: "" }).data).toEqual({ notificationEmail: null });
    expect(parse({ notificationEmail: null }).data).toEqual({ notificationEmail: null });
  });

  it.each([
    ["not an address", "notificationEmail: must be an email address"],
    ["team@example.com\r\nBcc: all@example.com", "notificationEmail: must be an email address"],
    ["a@b@example.com", "notificationEmail: must be an email address"],
    [`${"a".repeat(243)}@example.com`, "notificationEmail: must be at most 254 characters"],
    [42, "notificationEmail: must be a string or null"],
  ])("refuses %j, naming the field", (notificationEmail, message) => {
    expect(problem({ notificationEmail })).toEqual([message]);
  });

  it("takes Error notification as true or false only", () => {
    expect(parse({ errorNotification: true }).data).toEqual({ errorNotification: true });
    expect(problem({ errorNotification: "on" })).toEqual([
      "errorNotification: must be true or false",
    ]);
  });

  it("makes both an Admin's settings, as the name is; the webhook settings stay a Member's", () => {
    const admin = (body: unknown) => changesAdminSettings(updateChannelInput.parse(body));
    expect(admin({ notificationEmail: "team@example.com" })).toBe(true);
    expect(admin({ notificationEmail: "" })).toBe(true);
    expect(admin({ errorNotification: false })).toBe(true);
    expect(admin({ name: "Bot" })).toBe(true);
    expect(admin({ useWebhook: true, webhookRedelivery: true })).toBe(false);
    expect(admin({ webhookUrl: null, errorStatisticsAggregation: false })).toBe(false);
  });
});
