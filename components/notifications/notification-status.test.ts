import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/i18n/messages";
import { notificationStatusText as statusText } from "./notification-status";

const base = { attempts: 0, lastError: null, nextAttemptAt: null, sentAt: null };

const en = createTranslator({ locale: "en", messages: MESSAGES.en, namespace: "notifications" });
const ja = createTranslator({ locale: "ja", messages: MESSAGES.ja, namespace: "notifications" });

/** In English, as the console showed it before it had other languages. */
function notificationStatusText(email: Parameters<typeof statusText>[0]) {
  return statusText(email, en, "en");
}

describe("notificationStatusText", () => {
  it("says an email without a mail server is kept in the outbox", () => {
    expect(notificationStatusText({ ...base, status: "outbox" })).toEqual({
      label: "Kept in outbox",
      problem: null,
    });
  });

  it("gives the time an email was sent in UTC+9", () => {
    expect(
      notificationStatusText({ ...base, status: "sent", sentAt: "2026-11-27T08:05:09.000Z" }),
    ).toEqual({ label: "Sent 2026-11-27 17:05:09", problem: null });
  });

  it("says a queued email is waiting, and after a failed send when it is retried and why", () => {
    expect(
      notificationStatusText({
        ...base,
        status: "queued",
        nextAttemptAt: "2026-11-27T08:05:09.000Z",
      }),
    ).toEqual({ label: "Queued", problem: null });
    expect(
      notificationStatusText({
        status: "queued",
        attempts: 2,
        lastError: "connect ECONNREFUSED 127.0.0.1:25",
        nextAttemptAt: "2026-11-27T15:30:00.000Z",
        sentAt: null,
      }),
    ).toEqual({
      label: "Queued (retry at 2026-11-28 00:30:00)",
      problem: "connect ECONNREFUSED 127.0.0.1:25",
    });
  });

  it("shows a send in progress, and a failure with its last error", () => {
    expect(notificationStatusText({ ...base, status: "sending", attempts: 1 })).toEqual({
      label: "Sending",
      problem: null,
    });
    expect(
      notificationStatusText({
        ...base,
        status: "failed",
        attempts: 5,
        lastError: "550 mailbox unavailable",
      }),
    ).toEqual({ label: "Failed", problem: "550 mailbox unavailable" });
  });

  it("says the same in Japanese, with Japanese times", () => {
    expect(statusText({ ...base, status: "outbox" }, ja, "ja")).toEqual({
      label: "送信トレイに保存",
      problem: null,
    });
    expect(
      statusText({ ...base, status: "sent", sentAt: "2026-11-27T08:05:09.000Z" }, ja, "ja"),
    ).toEqual({ label: "2026年11月27日 17:05:09に送信済み", problem: null });
    expect(
      statusText(
        {
          status: "queued",
          attempts: 2,
          lastError: "connect ECONNREFUSED 127.0.0.1:25",
          nextAttemptAt: "2026-11-27T15:30:00.000Z",
          sentAt: null,
        },
        ja,
        "ja",
      ),
    ).toEqual({
      label: "送信待ち（2026年11月28日 00:30:00に再試行）",
      problem: "connect ECONNREFUSED 127.0.0.1:25",
    });
  });
});
