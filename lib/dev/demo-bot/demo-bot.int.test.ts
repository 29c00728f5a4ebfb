// The demo bot against the real sender: each mode produces the failure it promises, over plain
// HTTP/1.1 and over its https (HTTP/2) listener, and the official SDK checks every signature.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dispatchSettingsFromEnv, sendOptionsFrom } from "../../dispatch/dispatch-settings";
import { ConnectionPool } from "../../dispatch/send/connection-pool";
import { type SendOptions, sendWebhook } from "../../dispatch/send/send-webhook";
import { buildWebhookRequest } from "../../dispatch/send/webhook-request";
import { ALLOW_PRIVATE_TARGETS } from "../testing/allow-private-targets";
import { type LocalPki, mintLocalPki } from "../tls/local-pki";
import { type DemoBot, startDemoBot } from "./demo-bot";
import { DEMO_BOT_MODE_NAMES, type DemoBotMode } from "./modes";

const SECRET = "fedcba9876543210fedcba9876543210";
const webhook = buildWebhookRequest({
  channelSecret: SECRET,
  destination: `U${"b".repeat(32)}`,
  events: [{ type: "unfollow", webhookEventId: "01J00000000000000000000001", timestamp: 1 }],
  isRedelivery: false,
});

let pki: LocalPki;
let bot: DemoBot;
let options: SendOptions;

beforeAll(async () => {
  pki = await mintLocalPki();
  bot = await startDemoBot({
    port: 0,
    tls: { port: 0, certificate: pki.valid },
    channelSecret: async () => SECRET,
  });
  options = sendOptionsFrom(
    dispatchSettingsFromEnv({ ...ALLOW_PRIVATE_TARGETS, WEBHOOK_EXTRA_CA_FILE: pki.ca.caFile }),
  );
});
afterAll(async () => {
  await bot.close();
  await pki.cleanup();
});

const cases: [DemoBotMode, "http" | "https", object][] = [
  ["ok", "http", { ok: true, status: 200 }],
  ["ok", "https", { ok: true, status: 200, protocol: "h2" }],
  ["error500", "http", { reason: "error_status_code", detail: "500" }],
  ["error404", "https", { reason: "error_status_code", detail: "404" }],
  ["redirect", "http", { reason: "error_status_code", detail: "302" }],
  ["close", "http", { reason: "unclassified", detail: "Session closed unexpectedly" }],
  ["close", "https", { reason: "unclassified", detail: "Session closed unexpectedly" }],
  ["garbage", "http", { reason: "unclassified", detail: "Unclassified webhook dispatch error" }],
  [
    "goaway",
    "https",
    { reason: "could_not_connect", detail: "Connection failed (received GOAWAY)" },
  ],
  ["reset", "https", { reason: "unclassified", detail: "Stream closed unexpectedly" }],
];

describe("demo bot modes", () => {
  it.each(cases)("%s over %s", async (mode, scheme, expected) => {
    bot.setMode(mode);
    const url = scheme === "http" ? bot.url : (bot.tlsUrl as string);
    const before = bot.stats();
    expect(await sendWebhook(`${url}/webhook`, webhook, options)).toMatchObject(expected);
    const after = bot.stats();
    if (mode !== "goaway") {
      // The request reached the bot, and @line/bot-sdk accepted its signature.
      expect(after.validSignatures).toBe(before.validSignatures + 1);
    }
    expect(after.invalidSignatures).toBe(0);
  });

  it("goaway also refuses requests on an HTTP/2 connection that is already open", async () => {
    const pool = new ConnectionPool(options);
    const pooled = { ...options, pool };
    try {
      bot.setMode("ok");
      expect(await sendWebhook(`${bot.tlsUrl}/webhook`, webhook, pooled)).toMatchObject({
        ok: true,
        protocol: "h2",
      });
      bot.setMode("goaway");
      expect(await sendWebhook(`${bot.tlsUrl}/webhook`, webhook, pooled)).toMatchObject({
        reason: "could_not_connect",
        detail: "Connection failed (received GOAWAY)",
      });
    } finally {
      pool.close();
    }
  });

  it("rejects a webhook whose signature does not match", async () => {
    bot.setMode("ok");
    const forged = { ...webhook, headers: { ...webhook.headers, "x-line-signature": "Zm9yZ2Vk" } };
    expect(await sendWebhook(`${bot.url}/webhook`, forged, options)).toMatchObject({
      reason: "error_status_code",
      detail: "401",
    });
  });
});

describe("demo bot control page", () => {
  const page = async (headers: Record<string, string>) => {
    const response = await fetch(`${bot.url}/`, { headers });
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    return response.text();
  };

  it("is English by default, naming the current mode and every mode", async () => {
    bot.setMode("slow");
    const html = await page({});
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<title>Demo bot</title>");
    expect(html).toContain(
      "Current mode: <strong>slow</strong>. Webhooks go to <code>POST /webhook</code>.",
    );
    expect(html).toContain("Answer after 2.5 s: request_timeout");
    expect(html).toContain(`<button onclick="setMode('slow')" disabled>slow</button>`);
    // A language the bot does not speak: English.
    expect(await page({ "accept-language": "fr-FR, de;q=0.8" })).toContain('<html lang="en">');
  });

  it("speaks Japanese to a Japanese browser; mode names and LINE's codes stay", async () => {
    bot.setMode("error500");
    const html = await page({ "accept-language": "ja-JP,ja;q=0.9,en;q=0.8" });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain("<title>デモボット</title>");
    expect(html).toContain("現在のモード：<strong>error500</strong>。");
    expect(html).toContain("500を返します：error_status_code");
    expect(html).toContain(`<button onclick="setMode('error500')" disabled>error500</button>`);
    expect(html).not.toContain("Answer 500");
  });

  it("answers /control in English whatever the browser's language", async () => {
    const response = await fetch(`${bot.url}/control`, {
      headers: { "accept-language": "ja" },
    });
    const answer = (await response.json()) as { modes: Record<string, string> };
    expect(answer.modes.error500).toBe("Answer 500: error_status_code");
    expect(Object.keys(answer.modes)).toEqual([...DEMO_BOT_MODE_NAMES]);
  });
});
