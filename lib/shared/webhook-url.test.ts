import { describe, expect, it } from "vitest";
import { MAX_WEBHOOK_URL_LENGTH, webhookUrlProblem } from "./webhook-url";

const HTTP_ALLOWED = { requireHttps: false };
const HTTPS_ONLY = { requireHttps: true };

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
    expect(webhookUrlProblem(url, HTTP_ALLOWED)).toBeNull();
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
    expect(webhookUrlProblem(url, HTTP_ALLOWED)).toBe(problem);
  });

  it("accepts exactly 500 characters and refuses 501", () => {
    expect(MAX_WEBHOOK_URL_LENGTH).toBe(500);
    const longest = urlOfLength(500);
    expect(longest).toHaveLength(500);
    expect(webhookUrlProblem(longest, HTTP_ALLOWED)).toBeNull();
    expect(webhookUrlProblem(urlOfLength(501), HTTP_ALLOWED)).toBe(
      "must be at most 500 characters",
    );
    expect(webhookUrlProblem(urlOfLength(5000), HTTPS_ONLY)).toBe("must be at most 500 characters");
  });

  describe("with requireHttps", () => {
    it("accepts https", () => {
      expect(webhookUrlProblem("https://example.com/webhook", HTTPS_ONLY)).toBeNull();
    });

    it.each(["http://example.com/webhook", "http://localhost:3000/", "ftp://example.com/"])(
      "refuses %s",
      (url) => {
        expect(webhookUrlProblem(url, HTTPS_ONLY)).toBe("must start with https://");
      },
    );
  });
});
