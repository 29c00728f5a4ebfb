// The demo bot against the real sender: each mode produces the failure it promises, over plain
// HTTP/1.1 and over its https (HTTP/2) listener, and the official SDK checks every signature.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectionPool } from "../dispatch/connection-pool";
import { dispatchSettingsFromEnv, sendOptionsFrom } from "../dispatch/dispatch-settings";
import { type SendOptions, sendWebhook } from "../dispatch/send-webhook";
import { buildWebhookRequest } from "../dispatch/webhook-request";
import { ALLOW_PRIVATE_TARGETS } from "../testing/allow-private-targets";
import { type LocalPki, mintLocalPki } from "../tls/local-pki";
import { type DemoBot, startDemoBot } from "./demo-bot";
import type { DemoBotMode } from "./modes";

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
