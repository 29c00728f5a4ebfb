import { describe, expect, it } from "vitest";
import { settingRefusal } from "../dev/testing/setting-refusal";
import { notificationSettingsFromEnv } from "./notification-settings";
import { MAX_SEND_ATTEMPTS, retryDelayMs } from "./send-notifications";

const refusal = (env: Record<string, string>) => settingRefusal(notificationSettingsFromEnv, env);

describe("notification settings", () => {
  it("default to the outbox: no mail server, a 10-minute cooldown, retries from 30 s", () => {
    expect(notificationSettingsFromEnv({})).toEqual({
      smtpUrl: null,
      smtpTimeoutMs: 30_000,
      from: "Webhook Console <webhook-console@localhost>",
      cooldownMs: 600_000,
      retryMs: 30_000,
      consoleOrigin: "http://localhost:3000",
    });
  });

  it("read every variable; links point at the first console origin", () => {
    expect(
      notificationSettingsFromEnv({
        SMTP_URL: "smtps://bot:secret@mail.example.com:465",
        SMTP_TIMEOUT_MS: "5000",
        NOTIFICATION_FROM: "alerts@example.com",
        NOTIFICATION_COOLDOWN_MS: "0",
        NOTIFICATION_RETRY_MS: "1000",
        CONSOLE_ORIGIN: "https://console.example.com,https://other.example.com",
      }),
    ).toEqual({
      smtpUrl: "smtps://bot:secret@mail.example.com:465",
      smtpTimeoutMs: 5000,
      from: "alerts@example.com",
      cooldownMs: 0,
      retryMs: 1000,
      consoleOrigin: "https://console.example.com",
    });
  });

  it("refuses a mail server URL that is not smtp(s), without echoing it (it holds a password)", () => {
    for (const SMTP_URL of [
      "http://user:hunter2@mail.example.com",
      "smtp://",
      "mail.example.com",
    ]) {
      const error = refusal({ SMTP_URL });
      expect(error.message).toContain("SMTP_URL");
      expect(error.message).not.toContain("hunter2");
    }
  });

  it("refuses a From that could add a header or is no address", () => {
    for (const NOTIFICATION_FROM of [
      "Console <a@example.com>\r\nBcc: x@example.com",
      "Console",
      "Console <not an address>",
    ]) {
      expect(refusal({ NOTIFICATION_FROM }).message).toContain("NOTIFICATION_FROM");
    }
  });

  it("refuses out-of-range times", () => {
    expect(refusal({ SMTP_TIMEOUT_MS: "50" }).message).toContain("SMTP_TIMEOUT_MS");
    expect(refusal({ NOTIFICATION_RETRY_MS: "0" }).message).toContain("NOTIFICATION_RETRY_MS");
    expect(refusal({ NOTIFICATION_COOLDOWN_MS: "-1" }).message).toContain(
      "NOTIFICATION_COOLDOWN_MS",
    );
  });
});

describe("the wait before sending again", () => {
  it("doubles after each failed send, up to an hour", () => {
    const waits = Array.from({ length: MAX_SEND_ATTEMPTS }, (_, i) => retryDelayMs(30_000, i + 1));
    expect(waits).toEqual([
      30_000, 60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000,
    ]);
  });
});
