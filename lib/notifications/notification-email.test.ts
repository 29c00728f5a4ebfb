import { describe, expect, it } from "vitest";
import { errorEmail, redeliveryStoppedEmail } from "./notification-email";

const channel = { id: "1234567890", name: "Support bot" };
const origin = "https://console.example.com";
const at = (iso: string) => new Date(iso);

describe("the error-detected email", () => {
  const email = errorEmail(
    channel,
    [
      {
        reason: "error_status_code",
        detail: "500",
        count: 1,
        firstAt: at("2026-12-04T01:00:00.000Z"),
        lastAt: at("2026-12-04T01:00:00.000Z"),
      },
      {
        reason: "could_not_connect",
        detail: "Connection refused",
        count: 3,
        firstAt: at("2026-12-04T00:59:30.250Z"),
        lastAt: at("2026-12-04T01:02:10.000Z"),
      },
      {
        reason: "error_status_code",
        detail: "503",
        count: 4,
        firstAt: at("2026-12-04T01:01:00.000Z"),
        lastAt: at("2026-12-04T01:01:40.000Z"),
      },
    ],
    origin,
  );

  it("has LINE's subject, with the channel's name", () => {
    expect(email.subject).toBe(
      "Messaging API: Your bot server returned no response or an error - Support bot",
    );
  });

  it("names the channel and totals the errors over their whole period, in UTC+9", () => {
    const lines = email.text.split("\n");
    expect(lines).toContain("Channel ID: 1234567890");
    expect(lines).toContain("Channel name: Support bot");
    expect(lines).toContain(
      "Errors: 8, from 2026-12-04 09:59:30 (UTC+9) to 2026-12-04 10:02:10 (UTC+9)",
    );
  });

  it("lists each reason and detail in LINE's reason order, the most errors first within one", () => {
    const groups = email.text.split("\n").filter((line) => /^\w+ \/ /.test(line));
    expect(groups).toEqual([
      "could_not_connect / Connection refused: 3 errors",
      "error_status_code / 503: 4 errors",
      "error_status_code / 500: 1 error",
    ]);
  });

  it("gives each group its first and last time and the deliveries filtered to it", () => {
    const text = email.text;
    const block = text.slice(text.indexOf("could_not_connect / "));
    const [, first, last, deliveries] = block.split("\n");
    expect(first).toBe("  First: 2026-12-04 09:59:30 (UTC+9)");
    expect(last).toBe("  Last:  2026-12-04 10:02:10 (UTC+9)");
    const url = new URL(deliveries?.replace("  Deliveries: ", "") ?? "");
    expect(url.origin + url.pathname).toBe(`${origin}/console/channel/1234567890/deliveries`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      reason: "could_not_connect",
      detail: "Connection refused",
      from: "2026-12-04T00:59:30.250Z",
      // Exclusive end: the last error is inside.
      to: "2026-12-04T01:02:10.001Z",
    });
  });

  it("links the Errors statistics for the whole minutes around the errors", () => {
    const line = email.text.split("\n").find((l) => l.startsWith("Statistics (Errors)"));
    const url = new URL(line?.slice(line.indexOf("https://")) ?? "");
    expect(url.pathname).toBe("/console/channel/1234567890/statistics");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      period: "custom",
      from: "2026-12-04T00:59:00.000Z",
      to: "2026-12-04T01:03:00.000Z",
    });
  });

  it("ends with where to turn it off", () => {
    expect(email.text.endsWith(`${origin}/console/channel/1234567890/basics`)).toBe(true);
  });

  it("keeps a channel name or detail with line breaks on one line", () => {
    const hostile = errorEmail(
      { id: "1", name: "Bot\r\nBcc: everyone@example.com\n\nFake line" },
      [
        {
          reason: "unclassified",
          detail: "odd\ndetail",
          count: 2,
          firstAt: at("2026-12-04T00:00:00Z"),
          lastAt: at("2026-12-04T00:00:01Z"),
        },
      ],
      origin,
    );
    expect(hostile.subject).toBe(
      "Messaging API: Your bot server returned no response or an error - Bot Bcc: everyone@example.com Fake line",
    );
    expect(hostile.subject).not.toMatch(/[\r\n]/);
    expect(hostile.text).toContain("Channel name: Bot Bcc: everyone@example.com Fake line\n");
    expect(hostile.text).toContain("unclassified / odd detail: 2 errors\n");
  });
});

describe("the redelivery-stopped email", () => {
  const email = redeliveryStoppedEmail(
    channel,
    [
      {
        webhookId: "WH2",
        webhookEventIds: [],
        reason: "request_timeout",
        detail: "Request timeout",
        at: at("2026-12-04T03:00:00Z"),
      },
      {
        webhookId: "WH1",
        webhookEventIds: ["01EVENTA", "01EVENTB"],
        reason: "error_status_code",
        detail: "500",
        at: at("2026-12-04T02:00:00Z"),
      },
    ],
    origin,
  );

  it("has its own subject, with the channel's name", () => {
    expect(email.subject).toBe("Messaging API: Webhook redelivery stopped - Support bot");
  });

  it("names each webhook given up, oldest first, with its event ids and last failure", () => {
    const lines = email.text.split("\n");
    expect(lines[0]).toBe(
      "Webhook redelivery stopped for 2 webhooks: every redelivery failed, and no more will be made.",
    );
    const start = lines.indexOf("Webhook WH1, given up at 2026-12-04 11:00:00 (UTC+9)");
    expect(lines.slice(start, start + 4)).toEqual([
      "Webhook WH1, given up at 2026-12-04 11:00:00 (UTC+9)",
      "  Last error: error_status_code / 500",
      "  webhookEventIds: 01EVENTA, 01EVENTB",
      `  Details: ${origin}/console/channel/1234567890/deliveries/WH1`,
    ]);
    expect(lines.indexOf("Webhook WH2, given up at 2026-12-04 12:00:00 (UTC+9)")).toBeGreaterThan(
      start,
    );
    expect(lines).toContain("  webhookEventIds: (no longer stored)");
  });
});
