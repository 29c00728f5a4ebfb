import { afterEach, describe, expect, it, vi } from "vitest";
import { updateChannelInput } from "./channel-schemas";
import { MAX_WEBHOOK_URL_LENGTH, webhookUrlProblem, webhookUrlRequiresHttps } from "./webhook-url";

/** A valid https URL of exactly `length` characters. */
function urlOfLength(length: number, prefix = "https://example.com/"): string {
  return prefix + "a".repeat(length - prefix.length);
}

describe("webhookUrlProblem", () => {
  it.each([
    "https://example.com/webhook",
    "http://localhost:3000/webhook",
    "http://127.0.0.1:8080/callback?x=1#frag",
    "HTTPS://EXAMPLE.COM/Webhook",
    "https://bücher.example/hook",
  ])("accepts %s", (url) => {
    expect(webhookUrlProblem(url, false)).toBeNull();
  });

  it.each([
    ["ftp://example.com/hook", "must start with https:// or http://"],
    ["javascript:alert(1)", "must start with https:// or http://"],
    ["file:///etc/passwd", "must start with https:// or http://"],
    ["data:text/plain,hi", "must start with https:// or http://"],
    ["example.com/webhook", "must be a valid URL, e.g. https://example.com/webhook"],
    ["not a url", "must be a valid URL, e.g. https://example.com/webhook"],
    ["https://", "must be a valid URL, e.g. https://example.com/webhook"],
    ["", "must be a valid URL, e.g. https://example.com/webhook"],
    ["https://exa mple.com/", "must be a valid URL, e.g. https://example.com/webhook"],
    ["https://user:secret@example.com/hook", "must not contain a user name or password"],
    ["https://user@example.com/hook", "must not contain a user name or password"],
    ["https://:secret@example.com/hook", "must not contain a user name or password"],
  ])("refuses %s: %s", (url, problem) => {
    expect(webhookUrlProblem(url, false)).toBe(problem);
  });

  it("accepts exactly 500 characters and refuses 501", () => {
    expect(MAX_WEBHOOK_URL_LENGTH).toBe(500);
    const longest = urlOfLength(500);
    expect(longest).toHaveLength(500);
    expect(webhookUrlProblem(longest, false)).toBeNull();
    expect(webhookUrlProblem(urlOfLength(501), false)).toBe("must be at most 500 characters");
    expect(webhookUrlProblem(urlOfLength(5000), true)).toBe("must be at most 500 characters");
  });

  describe("with requireHttps", () => {
    it("accepts https", () => {
      expect(webhookUrlProblem("https://example.com/webhook", true)).toBeNull();
    });

    it.each(["http://example.com/webhook", "http://localhost:3000/", "ftp://example.com/"])(
      "refuses %s",
      (url) => {
        expect(webhookUrlProblem(url, true)).toBe("must start with https://");
      },
    );
  });

  describe("requireHttps default", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
    });

    it("follows WEBHOOK_URL_REQUIRE_HTTPS", () => {
      vi.stubEnv("WEBHOOK_URL_REQUIRE_HTTPS", "true");
      expect(webhookUrlProblem("http://example.com/")).toBe("must start with https://");
      vi.stubEnv("WEBHOOK_URL_REQUIRE_HTTPS", "");
      expect(webhookUrlProblem("http://example.com/")).toBeNull();
    });
  });
});

describe("webhookUrlRequiresHttps", () => {
  it.each([
    ["true", true],
    ["1", true],
    ["false", false],
    ["0", false],
    ["yes", false],
    ["", false],
    [undefined, false],
  ])("WEBHOOK_URL_REQUIRE_HTTPS=%j → %s", (value, expected) => {
    expect(webhookUrlRequiresHttps({ ...process.env, WEBHOOK_URL_REQUIRE_HTTPS: value })).toBe(
      expected,
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
