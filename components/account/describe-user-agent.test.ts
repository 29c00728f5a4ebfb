import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { describeUserAgent as describeWith } from "./describe-user-agent";

const t = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "account" });
const ja = createTranslator({ locale: "ja", messages: MESSAGES.ja, namespace: "account" });
const describeUserAgent = (userAgent: string | null) => describeWith(userAgent, t);

describe("describeUserAgent", () => {
  it("names desktop browsers and their major version", () => {
    expect(
      describeUserAgent(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.33 Safari/537.36",
      ),
    ).toBe("Chrome 131 on Linux");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.51",
      ),
    ).toBe("Edge 131 on Windows");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.7; rv:133.0) Gecko/20100101 Firefox/133.0",
      ),
    ).toBe("Firefox 133 on macOS");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
      ),
    ).toBe("Safari 18 on macOS");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 OPR/115.0.0.0",
      ),
    ).toBe("Opera 115 on Windows");
  });

  it("tells phones from the desktop systems their headers also mention", () => {
    expect(
      describeUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Safari 18 on iOS");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.39 Mobile Safari/537.36",
      ),
    ).toBe("Chrome 131 on Android");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1",
      ),
    ).toBe("Chrome 131 on iOS");
    expect(
      describeUserAgent(
        "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
      ),
    ).toBe("Chrome 131 on ChromeOS");
  });

  it("reads headless Chrome as Chrome", () => {
    expect(
      describeUserAgent(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36",
      ),
    ).toBe("Chrome 131 on Linux");
  });

  it("shows a tool's own product token", () => {
    expect(describeUserAgent("curl/8.5.0")).toBe("curl 8.5.0");
    expect(describeUserAgent("node")).toBe("node");
  });

  it("says Unknown when there is no header, and shortens what it cannot read", () => {
    expect(describeUserAgent(null)).toBe("Unknown");
    expect(describeUserAgent("  ")).toBe("Unknown");
    expect(describeUserAgent("Mozilla/5.0 (Windows NT 10.0) Something/1")).toBe(
      "Unknown browser on Windows",
    );
    const long = "x".repeat(60);
    expect(describeUserAgent(long)).toBe(`${"x".repeat(39)}…`);
  });

  it("translates only the words around the names in Japanese", () => {
    expect(
      describeWith(
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.33 Safari/537.36",
        ja,
      ),
    ).toBe("LinuxのChrome 131");
    expect(describeWith("Mozilla/5.0 (Windows NT 10.0) Something/1", ja)).toBe(
      "Windowsの不明なブラウザー",
    );
    expect(describeWith(null, ja)).toBe("不明");
    expect(describeWith("curl/8.5.0", ja)).toBe("curl 8.5.0");
  });
});
