// The sender against real misbehaving servers on 127.0.0.1: every detail LINE's error
// statistics name, the successes, and the 2-second boundary. Nothing here is mocked.
import { validateSignature } from "@line/bot-sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALLOW_PRIVATE_TARGETS } from "../../dev/testing/allow-private-targets";
import {
  type HttpBehaviour,
  type HttpsBehaviour,
  type HttpsBotOptions,
  type LocalPki,
  mintLocalPki,
  refusedPort,
  startAlpnRejectingServer,
  startBlackholeListener,
  startDnsServer,
  startHandshakeDropper,
  startHttpBot,
  startHttpsBot,
  startPlainTextServer,
} from "../../dev/testing/fault-lab";
import { dispatchSettingsFromEnv, sendOptionsFrom } from "../dispatch-settings";
import { type SendOptions, type SendResult, sendWebhook } from "./send-webhook";
import { buildWebhookRequest } from "./webhook-request";

const SECRET = "0123456789abcdef0123456789abcdef";
const webhook = buildWebhookRequest({
  channelSecret: SECRET,
  destination: `U${"a".repeat(32)}`,
  events: [{ type: "follow", webhookEventId: "01J00000000000000000000000", timestamp: 1 }],
  isRedelivery: false,
});

let pki: LocalPki;
let options: SendOptions;
const cleanups: (() => Promise<void>)[] = [];

// Every server here is on 127.0.0.1: the sender may connect to it.
function optionsWith(env: Record<string, string>): SendOptions {
  return sendOptionsFrom(
    dispatchSettingsFromEnv({
      ...ALLOW_PRIVATE_TARGETS,
      WEBHOOK_EXTRA_CA_FILE: pki.ca.caFile,
      ...env,
    }),
  );
}

beforeAll(async () => {
  pki = await mintLocalPki();
  options = optionsWith({});
});
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  await pki.cleanup();
});

async function httpBot(behaviour: HttpBehaviour) {
  const bot = await startHttpBot(behaviour);
  cleanups.push(() => bot.close());
  return bot;
}
async function httpsBot(behaviour: HttpsBehaviour, extra: Omit<HttpsBotOptions, "behaviour"> = {}) {
  const bot = await startHttpsBot({ behaviour, ...extra });
  cleanups.push(() => bot.close());
  return bot;
}
async function started<T extends { close(): Promise<void> }>(server: Promise<T>): Promise<T> {
  const value = await server;
  cleanups.push(() => value.close());
  return value;
}

const send = (url: string, sendOptions = options) => sendWebhook(url, webhook, sendOptions);

function expectFailure(result: SendResult, reason: string, detail: string) {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: false, reason, detail });
}

describe("successes", () => {
  it("plain http, HTTP/1.1: signed body the official SDK accepts", async () => {
    const bot = await httpBot({ kind: "status", status: 200 });
    const result = await send(`${bot.url}/webhook?x=1`);
    expect(result).toMatchObject({ ok: true, status: 200, protocol: "http/1.1" });
    const [request] = bot.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe("/webhook?x=1");
    expect(request?.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(request?.headers["user-agent"]).toBe("LineBotWebhook/2.0");
    const signature = String(request?.headers["x-line-signature"]);
    expect(validateSignature(request?.body ?? Buffer.alloc(0), SECRET, signature)).toBe(true);
    expect(JSON.parse(String(request?.body))).toMatchObject({
      destination: `U${"a".repeat(32)}`,
      events: [{ type: "follow", deliveryContext: { isRedelivery: false } }],
    });
  });

  it("https negotiates HTTP/2 by ALPN when the server offers it", async () => {
    const bot = await httpsBot({ kind: "status", status: 200 });
    const result = await send(`${bot.url}/webhook`);
    expect(result).toMatchObject({ ok: true, status: 200, protocol: "h2" });
    const [request] = bot.requests;
    expect(request?.protocol).toBe("h2");
    const signature = String(request?.headers["x-line-signature"]);
    expect(validateSignature(request?.body ?? Buffer.alloc(0), SECRET, signature)).toBe(true);
  });

  it("https falls back to HTTP/1.1 when that is all the server offers", async () => {
    const bot = await httpsBot({ kind: "status", status: 200 }, { alpn: ["http/1.1"] });
    expect(await send(`${bot.hostUrl}/webhook`)).toMatchObject({ ok: true, protocol: "http/1.1" });
    expect(bot.requests[0]?.protocol).toBe("http/1.1");
  });

  it.each([200, 201, 202, 204, 299])("any 2xx is a success: %i", async (status) => {
    const bot = await httpBot({ kind: "status", status });
    expect(await send(bot.url)).toMatchObject({ ok: true, status });
  });

  it("resolves host names through the configured DNS server", async () => {
    const dns = await started(
      startDnsServer({ mode: "answer", records: { "bot.test": "127.0.0.1" } }),
    );
    const bot = await httpBot({ kind: "status", status: 200 });
    const result = await send(
      `http://bot.test:${bot.port}/`,
      optionsWith({ WEBHOOK_DNS_SERVERS: dns.server }),
    );
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(dns.queries.map((query) => query.name)).toContain("bot.test");
  });

  it("answers after 1.5 s are in time (the limit is 2 s)", async () => {
    const bot = await httpBot({ kind: "status", status: 200, delayMs: 1500 });
    expect(await send(bot.url)).toMatchObject({ ok: true, status: 200 });
  });
});

describe("error_status_code: the detail is the status", () => {
  it.each([500, 404, 400, 503])("%i", async (status) => {
    const bot = await httpBot({ kind: "status", status });
    const result = await send(bot.url);
    expectFailure(result, "error_status_code", String(status));
    expect(result.status).toBe(status);
  });

  it("302 is an error status: redirects are not followed", async () => {
    const target = await httpBot({ kind: "status", status: 200 });
    const bot = await httpBot({ kind: "status", status: 302, location: `${target.url}/` });
    expectFailure(await send(bot.url), "error_status_code", "302");
    expect(target.requests).toHaveLength(0);
  });

  it("over HTTP/2 too", async () => {
    const bot = await httpsBot({ kind: "status", status: 503 });
    expect(await send(bot.url)).toMatchObject({
      ok: false,
      reason: "error_status_code",
      detail: "503",
      protocol: "h2",
    });
  });
});

describe("could_not_connect", () => {
  it("Connection failed: connection refused", async () => {
    const port = await refusedPort();
    const result = await send(port.url);
    expectFailure(result, "could_not_connect", "Connection failed");
    expect(result.status).toBe(0);
  });

  it("Connection failed (received GOAWAY): HTTP/2 GOAWAY before the request was accepted", async () => {
    const bot = await httpsBot({ kind: "h2GoawayBeforeAccept" }, { alpn: ["h2"] });
    expectFailure(await send(bot.url), "could_not_connect", "Connection failed (received GOAWAY)");
  });

  it("Connection failed (session closed): dropped during the TLS handshake", async () => {
    const server = await started(startHandshakeDropper());
    expectFailure(
      await send(server.url),
      "could_not_connect",
      "Connection failed (session closed)",
    );
  });

  it("Connection timeout: connect never completes (full accept queue)", async () => {
    const listener = await started(startBlackholeListener());
    const result = await send(listener.url, optionsWith({ WEBHOOK_CONNECT_TIMEOUT_MS: "500" }));
    expectFailure(result, "could_not_connect", "Connection timeout");
    expect(result.latencyMs).toBeGreaterThanOrEqual(450);
  });

  it("DNS Query timeout: the DNS server never answers", async () => {
    const dns = await started(startDnsServer({ mode: "silent" }));
    const result = await send(
      "http://bot.test/",
      optionsWith({ WEBHOOK_DNS_SERVERS: dns.server, WEBHOOK_DNS_TIMEOUT_MS: "500" }),
    );
    expectFailure(result, "could_not_connect", "DNS Query timeout");
    expect(dns.queries.length).toBeGreaterThan(0);
  });

  it.each([
    "http://bad_host.test/webhook",
    "http://-leading-hyphen.test/",
    `http://${"a".repeat(64)}.test/`,
  ])("Invalid URL syntax: %s", async (url) => {
    expectFailure(await send(url), "could_not_connect", "Invalid URL syntax");
  });

  it("Session protocol negotiation failure: the server accepts no ALPN protocol", async () => {
    const server = await started(startAlpnRejectingServer());
    expectFailure(
      await send(server.url),
      "could_not_connect",
      "Session protocol negotiation failure",
    );
  });

  it("No SSL/TLS record: an https URL whose server speaks plain text", async () => {
    const server = await started(startPlainTextServer());
    expectFailure(await send(server.url), "could_not_connect", "No SSL/TLS record");
  });

  it.each([
    ["an expired certificate", { cert: "expired" }],
    ["a certificate for another host", { cert: "wrongHost" }],
    ["a self-signed certificate", { cert: "selfSigned" }],
    ["TLS 1.1 at most (we require 1.2)", { minVersion: "TLSv1", maxVersion: "TLSv1.1" }],
  ] as [string, Omit<HttpsBotOptions, "behaviour">][])(
    "TLS handshake failure: %s",
    async (_, extra) => {
      const bot = await httpsBot({ kind: "status", status: 200 }, extra);
      expectFailure(await send(bot.url), "could_not_connect", "TLS handshake failure");
      expect(bot.requests).toHaveLength(0);
    },
  );

  it("TLS handshake failure: a certificate from a CA we were not told to trust", async () => {
    const bot = await httpsBot({ kind: "status", status: 200 });
    const untrusting = sendOptionsFrom(dispatchSettingsFromEnv(ALLOW_PRIVATE_TARGETS));
    expectFailure(await send(bot.url, untrusting), "could_not_connect", "TLS handshake failure");
  });

  it("Unknown host: NXDOMAIN", async () => {
    const dns = await started(startDnsServer({ mode: "nxdomain" }));
    const result = await send(
      "http://nowhere.test/",
      optionsWith({ WEBHOOK_DNS_SERVERS: dns.server }),
    );
    expectFailure(result, "could_not_connect", "Unknown host");
  });
});

describe("request_timeout", () => {
  it("Request timeout: the answer comes after 2.5 s", async () => {
    const bot = await httpBot({ kind: "status", status: 200, delayMs: 2500 });
    const result = await send(bot.url);
    expectFailure(result, "request_timeout", "Request timeout");
    expect(result.latencyMs).toBeGreaterThanOrEqual(1950);
    expect(result.latencyMs).toBeLessThan(2500);
    // The bot did get the webhook: LINE's docs warn about exactly this.
    expect(bot.requests).toHaveLength(1);
  });

  it("Request timeout over HTTP/2: no answer at all", async () => {
    const bot = await httpsBot({ kind: "hang" });
    const result = await send(bot.url, optionsWith({ WEBHOOK_TIMEOUT_MS: "500" }));
    expect(result).toMatchObject({ ok: false, reason: "request_timeout", protocol: "h2" });
  });
});

describe("unclassified", () => {
  it("Session closed unexpectedly: request sent, connection closed without an answer", async () => {
    const bot = await httpBot({ kind: "closeAfterRequest" });
    const result = await send(bot.url);
    expectFailure(result, "unclassified", "Session closed unexpectedly");
    expect(result.ok === false && result.error).toMatch(/ECONNRESET|closed/);
    expect(bot.requests).toHaveLength(1);
  });

  it("Session closed unexpectedly over HTTP/2", async () => {
    const bot = await httpsBot({ kind: "closeAfterRequest" });
    expectFailure(await send(bot.url), "unclassified", "Session closed unexpectedly");
  });

  it("Stream closed unexpectedly: HTTP/2 RST_STREAM", async () => {
    const bot = await httpsBot({ kind: "h2ResetStream" });
    const result = await send(bot.url);
    expectFailure(result, "unclassified", "Stream closed unexpectedly");
    expect(bot.requests).toHaveLength(1);
  });

  it("Unclassified webhook dispatch error: an answer that is not HTTP, with the error kept", async () => {
    const bot = await httpBot({ kind: "notHttp" });
    const result = await send(bot.url);
    expectFailure(result, "unclassified", "Unclassified webhook dispatch error");
    expect(result.ok === false && result.error).toMatch(/HPE_/);
  });
});
