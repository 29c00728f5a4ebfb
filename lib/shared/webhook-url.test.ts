import { describe, expect, it } from "vitest";
import { isLoopbackHost, MAX_WEBHOOK_URL_LENGTH, webhookUrlProblem } from "./webhook-url";

/** The default: https, and plain http for loopback hosts. */
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

  describe("plain http (LINE allows https only)", () => {
    const HTTPS_MESSAGE =
      "must start with https:// (http is allowed only for localhost, 127.0.0.0/8 and [::1])";

    it.each([
      "http://localhost/",
      "http://LOCALHOST/",
      "HTTP://localhost:3001/webhook",
      "http://127.0.0.1:3000/webhook",
      "http://127.1.2.3/",
      "http://127.255.255.255/x",
      "http://[::1]:8080/",
      "http://[::1]/webhook?x=1",
    ])("is allowed for the loopback host of %s", (url) => {
      expect(webhookUrlProblem(url, HTTP_ALLOWED)).toBeNull();
    });

    it.each([
      "http://example.com/webhook",
      "http://localhost./",
      "http://foo.localhost/",
      "http://127.0.0.1.nip.io/",
      "http://localhost.example.com/",
      "http://128.0.0.1/",
      "http://126.255.255.255/",
      "http://10.0.0.1/",
      "http://0.0.0.0/",
      "http://[::2]/",
      "http://[::]/",
    ])("is refused for %s, saying where it is allowed", (url) => {
      expect(webhookUrlProblem(url, HTTP_ALLOWED)).toBe(HTTPS_MESSAGE);
    });

    it("is refused for a full-width localhost, which only looks like it", () => {
      expect(
        webhookUrlProblem(
          "http://\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54/",
          HTTP_ALLOWED,
        ),
      ).toBe(HTTPS_MESSAGE);
    });

    it.each(["https://localhost:3002/webhook", "https://127.0.0.1/", "https://[::1]:8443/"])(
      "https to loopback is fine either way: %s",
      (url) => {
        expect(webhookUrlProblem(url, HTTP_ALLOWED)).toBeNull();
        expect(webhookUrlProblem(url, HTTPS_ONLY)).toBeNull();
      },
    );

    it.each(["http://127.1.2.3/", "http://[::1]:8080/", "http://LOCALHOST/"])(
      "requireHttps refuses loopback http too: %s",
      (url) => {
        expect(webhookUrlProblem(url, HTTPS_ONLY)).toBe("must start with https://");
      },
    );
  });

  describe("what is stored is what is called", () => {
    it.each([
      ["http://localhost\n:3000/", "U+000A"],
      ["http://local\nhost/", "U+000A"],
      ["https://example.com/a\tb", "U+0009"],
      ["https://example.com/a\rb", "U+000D"],
      ["https://example.com/\u0000", "U+0000"],
      ["https://example.com/\u007f", "U+007F"],
      ["https://example.com/\u0085", "U+0085"],
      ["https://example.com/a b", "U+0020"],
      ["https://example.com/?q=a b", "U+0020"],
      ["https://example.com/#a b", "U+0020"],
      ["https://example.com/a\u00a0b", "U+00A0"],
      ["https://example.com/\u3000", "U+3000"],
      ["https://example.com/\u2028", "U+2028"],
      ["https://example.com/a\u200bb", "U+200B"],
      ["https://example.com/\u202eabc", "U+202E"],
      ["https://example.com/\ufeff", "U+FEFF"],
      ["https://example.com/a\u00adb", "U+00AD"],
      ["https://example.com/a\ud800b", "U+D800"],
    ])("refuses whitespace and control characters: %j (%s)", (url, codePoint) => {
      expect(webhookUrlProblem(url, HTTP_ALLOWED)).toBe(
        `must not contain whitespace, control or invisible characters (found ${codePoint})`,
      );
    });

    it.each([
      "http:///x",
      "https:///webhook",
      "https:/example.com/",
      "http:x",
      "https:example.com",
    ])(
      "refuses %s: an empty authority, from which URL parsing would take the path as host",
      (url) => {
        expect(webhookUrlProblem(url, HTTP_ALLOWED)).toBe(
          "must name a host right after the two slashes, e.g. https://example.com/webhook",
        );
        expect(webhookUrlProblem(url.replace(/^http:/, "https:"), HTTPS_ONLY)).toBe(
          "must name a host right after the two slashes, e.g. https://example.com/webhook",
        );
      },
    );

    it.each([
      "https://example.com\\evil.example/",
      "https:\\\\example.com/",
      "http:\\\\localhost/",
    ])("refuses a backslash, which URL parsing reads as a slash: %s", (url) => {
      expect(webhookUrlProblem(url, HTTP_ALLOWED)).toBe("must not contain a backslash (\\)");
    });

    it("refuses an empty user name too", () => {
      expect(webhookUrlProblem("https://@example.com/", HTTP_ALLOWED)).toBe(
        "must not contain a user name or password",
      );
    });

    it.each([
      ["http://2130706433/", "must write the IPv4 address as 127.0.0.1"],
      ["http://127.1/", "must write the IPv4 address as 127.0.0.1"],
      ["http://0x7f.0.0.1/", "must write the IPv4 address as 127.0.0.1"],
      ["http://0177.0.0.1/", "must write the IPv4 address as 127.0.0.1"],
      ["http://127.0.0.01/", "must write the IPv4 address as 127.0.0.1"],
      ["http://127.0.0.1./", "must write the IPv4 address as 127.0.0.1"],
      [
        "http://\uff11\uff12\uff17.\uff10.\uff10.\uff11/",
        "must write the IPv4 address as 127.0.0.1",
      ],
      ["https://0x08080808/", "must write the IPv4 address as 8.8.8.8"],
      ["http://[0:0:0:0:0:0:0:1]/", "must write the IPv6 address as [::1]"],
      ["https://[::ffff:127.0.0.1]/", "must write the IPv6 address as [::ffff:7f00:1]"],
      ["https://ex%61mple.com/", "must not percent-encode the host name"],
      ["https://b\u00fc%63her.example/", "must not percent-encode the host name"],
    ])("refuses a host written otherwise than it is called: %s", (url, problem) => {
      expect(webhookUrlProblem(url, HTTP_ALLOWED)).toBe(problem);
    });

    it.each([
      "https://example.com/a/../b",
      "https://example.com/./b",
      "https://example.com/a/..",
      "https://example.com/a/%2e%2E/b",
      "https://example.com/a/.%2e?x=1",
      "https://example.com/%2e/",
    ])("refuses dot segments, which URL parsing resolves away: %s", (url) => {
      expect(webhookUrlProblem(url, HTTP_ALLOWED)).toBe("must not contain . or .. path segments");
    });

    it.each([
      "https://example.com",
      "https://example.com:443/hook",
      "https://EXAMPLE.com/Hook",
      "https://example.com./hook",
      "https://example.com/a.b/..c/.../x",
      "https://example.com/\u00fc?q=\u00fc#\u00fc",
      "https://example.com/a%20b?q=%2e%2e",
      "https://example.com/hook?x=../y",
      "https://[2001:db8::1]:8443/hook",
      "https://8.8.8.8/",
    ])("accepts %s, whose parsed form differs in notation only", (url) => {
      expect(webhookUrlProblem(url, HTTP_ALLOWED)).toBeNull();
    });
  });
});

describe("isLoopbackHost", () => {
  it.each([
    ["localhost", "localhost", true],
    ["LocalHost", "localhost", true],
    ["127.0.0.1", "127.0.0.1", true],
    ["127.1.2.3", "127.1.2.3", true],
    ["[::1]", "[::1]", true],
    ["localhost.", "localhost.", false],
    ["127.0.0.1.nip.io", "127.0.0.1.nip.io", false],
    ["127.1", "127.0.0.1", false],
    ["[0::1]", "[::1]", false],
    ["\uff4c\uff4f\uff43\uff41\uff4c\uff48\uff4f\uff53\uff54", "localhost", false],
  ])("%s (parsed %s) → %s", (written, parsed, loopback) => {
    expect(isLoopbackHost(written, parsed)).toBe(loopback);
  });
});
