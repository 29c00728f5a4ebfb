// What the sender keeps of an answer for the attempt detail, against real servers on 127.0.0.1:
// headers, the first 4 KB of the body (and nothing beyond), bytes that are not text, and where
// the time went on fresh and on reused connections, over http, https HTTP/1.1 and HTTP/2.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ALLOW_PRIVATE_TARGETS } from "../../dev/testing/allow-private-targets";
import {
  type HttpBehaviour,
  type HttpsBotOptions,
  type LocalPki,
  mintLocalPki,
  startDnsServer,
  startHttpBot,
  startHttpsBot,
} from "../../dev/testing/fault-lab";
import { dispatchSettingsFromEnv, sendOptionsFrom } from "../dispatch-settings";
import { resultColumns } from "../queue/redelivery-policy";
import { ConnectionPool } from "./connection-pool";
import { RESPONSE_EXCERPT_BYTES } from "./response-capture";
import { type SendOptions, sendWebhook } from "./send-webhook";
import { buildWebhookRequest } from "./webhook-request";

const webhook = buildWebhookRequest({
  channelSecret: "0123456789abcdef0123456789abcdef",
  destination: `U${"a".repeat(32)}`,
  events: [{ type: "follow", webhookEventId: "01J00000000000000000000000", timestamp: 1 }],
  isRedelivery: false,
});

let pki: LocalPki;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  pki = await mintLocalPki();
});
afterAll(() => pki.cleanup());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function options(env: Record<string, string> = {}): SendOptions {
  return sendOptionsFrom(
    dispatchSettingsFromEnv({
      ...ALLOW_PRIVATE_TARGETS,
      WEBHOOK_EXTRA_CA_FILE: pki.ca.caFile,
      ...env,
    }),
  );
}

function pooled(): SendOptions {
  const base = options();
  const pool = new ConnectionPool(base);
  cleanups.push(() => pool.close());
  return { ...base, pool };
}

async function httpBot(behaviour: HttpBehaviour) {
  const bot = await startHttpBot(behaviour);
  cleanups.push(() => bot.close());
  return bot;
}

async function httpsBot(behaviour: HttpBehaviour, alpn?: HttpsBotOptions["alpn"]) {
  const bot = await startHttpsBot({ behaviour, ...(alpn ? { alpn } : {}) });
  cleanups.push(() => bot.close());
  return bot;
}

/** A body of `length` bytes whose every position can be checked: "0123456789" repeated. */
function digits(length: number): string {
  return "0123456789".repeat(Math.ceil(length / 10)).slice(0, length);
}

const measured = expect.any(Number);

describe("response headers and the excerpt", () => {
  it("plain http: headers in lower case, a 10 KB body kept to exactly 4096 bytes", async () => {
    const bot = await httpBot({
      kind: "status",
      status: 500,
      body: digits(10_000),
      headers: { "X-Bot-Trace": "abc", "Set-Cookie": "a=1" },
    });
    const result = await sendWebhook(`${bot.url}/hook`, webhook, options());
    expect(result).toMatchObject({ ok: false, reason: "error_status_code", detail: "500" });
    expect(result.responseHeaders).toMatchObject({
      "x-bot-trace": "abc",
      "set-cookie": "a=1",
      "content-length": "10000",
      "content-type": "text/plain; charset=utf-8",
    });
    expect(Buffer.byteLength(result.responseExcerpt)).toBe(RESPONSE_EXCERPT_BYTES);
    expect(result.responseExcerpt).toBe(digits(RESPONSE_EXCERPT_BYTES));
    expect(result.responseTruncated).toBe(true);
  });

  it("a body of exactly 4096 bytes is whole, not truncated", async () => {
    const bot = await httpBot({ kind: "status", status: 200, body: digits(4096) });
    const result = await sendWebhook(bot.url, webhook, options());
    expect(result).toMatchObject({ ok: true, responseTruncated: false });
    expect(result.responseExcerpt).toBe(digits(4096));
  });

  it("a body far larger than the excerpt is still read to its end: the attempt succeeds", async () => {
    const bot = await httpBot({ kind: "status", status: 200, body: digits(2_000_000) });
    const result = await sendWebhook(bot.url, webhook, options());
    expect(result).toMatchObject({ ok: true, status: 200, responseTruncated: true });
    expect(result.responseExcerpt).toHaveLength(RESPONSE_EXCERPT_BYTES);
  });

  it("NUL bytes and invalid UTF-8 are shown, and stored without U+0000", async () => {
    const body = Buffer.concat([
      Buffer.from("a\u0000b"),
      Buffer.from([0xff, 0xfe]),
      Buffer.from("c"),
    ]);
    const bot = await httpBot({ kind: "status", status: 502, body });
    const result = await sendWebhook(bot.url, webhook, options());
    expect(result.responseExcerpt).toBe("a\u0000b\ufffd\ufffdc");
    const columns = resultColumns(result);
    expect(columns.responseExcerpt).toBe("a\ufffdb\ufffd\ufffdc");
    expect(JSON.parse(columns.responseHeaders ?? "{}")).toMatchObject({ "content-length": "6" });
  });

  it("https HTTP/2: no pseudo-headers, the status on its own", async () => {
    const bot = await httpsBot({
      kind: "status",
      status: 503,
      body: "busy",
      headers: { "retry-after": "5" },
    });
    const result = await sendWebhook(`${bot.url}/hook`, webhook, options());
    expect(result).toMatchObject({ status: 503, protocol: "h2", responseExcerpt: "busy" });
    expect(result.responseHeaders).toMatchObject({ "retry-after": "5" });
    expect(Object.keys(result.responseHeaders).filter((name) => name.startsWith(":"))).toEqual([]);
  });

  it("https HTTP/2: a body over 4 KB is cut at 4096 bytes too", async () => {
    const bot = await httpsBot({ kind: "status", status: 200, body: digits(100_000) });
    const result = await sendWebhook(bot.url, webhook, options());
    expect(result).toMatchObject({ ok: true, protocol: "h2", responseTruncated: true });
    expect(result.responseExcerpt).toBe(digits(RESPONSE_EXCERPT_BYTES));
  });

  it("https HTTP/1.1: headers and excerpt alike", async () => {
    const bot = await httpsBot({ kind: "status", status: 404, body: "no such hook" }, ["http/1.1"]);
    const result = await sendWebhook(bot.url, webhook, options());
    expect(result).toMatchObject({
      status: 404,
      protocol: "http/1.1",
      responseExcerpt: "no such hook",
      responseTruncated: false,
    });
    expect(result.responseHeaders["content-length"]).toBe("12");
  });

  it("no answer: no headers, no excerpt", async () => {
    const bot = await httpBot({ kind: "closeAfterRequest" });
    const result = await sendWebhook(bot.url, webhook, options());
    expect(result).toMatchObject({
      ok: false,
      status: 0,
      responseHeaders: {},
      responseExcerpt: "",
    });
    expect(resultColumns(result)).toMatchObject({ responseHeaders: null, responseExcerpt: null });
  });
});

describe("timings", () => {
  it("fresh plain-http connection to an IP literal: connect and response, no DNS, no TLS", async () => {
    const bot = await httpBot({ kind: "status", status: 200 });
    const result = await sendWebhook(bot.url, webhook, options());
    expect(result.timings).toEqual({
      dnsMs: null,
      connectMs: measured,
      tlsMs: null,
      responseMs: measured,
    });
  });

  it("a host name: the DNS step is measured", async () => {
    const dns = await startDnsServer({ mode: "answer", records: { "bot.test": "127.0.0.1" } });
    cleanups.push(() => dns.close());
    const bot = await httpBot({ kind: "status", status: 200 });
    const result = await sendWebhook(
      `http://bot.test:${bot.port}/`,
      webhook,
      options({ WEBHOOK_DNS_SERVERS: dns.server }),
    );
    expect(result.timings.dnsMs).toEqual(measured);
    expect(result.timings.connectMs).toEqual(measured);
  });

  it("fresh https connection: TLS measured; the response includes the bot's delay", async () => {
    const bot = await httpsBot({ kind: "status", status: 200, delayMs: 150 });
    const result = await sendWebhook(bot.url, webhook, options());
    expect(result.timings).toEqual({
      dnsMs: null,
      connectMs: measured,
      tlsMs: measured,
      responseMs: measured,
    });
    expect(result.timings.responseMs).toBeGreaterThanOrEqual(140);
    expect(result.latencyMs).toBeGreaterThanOrEqual(result.timings.responseMs ?? 0);
  });

  it("pooled plain http: the agent's new connection is measured, the reused one is not", async () => {
    const bot = await httpBot({ kind: "status", status: 200 });
    const sendOptions = pooled();
    const first = await sendWebhook(bot.url, webhook, sendOptions);
    const second = await sendWebhook(bot.url, webhook, sendOptions);
    expect(bot.connections).toBe(1);
    expect(first.timings).toEqual({
      dnsMs: null,
      connectMs: measured,
      tlsMs: null,
      responseMs: measured,
    });
    expect(second.timings).toEqual({
      dnsMs: null,
      connectMs: null,
      tlsMs: null,
      responseMs: measured,
    });
  });

  it("pooled https HTTP/2: the shared session's second request has no connect or TLS", async () => {
    const bot = await httpsBot({ kind: "status", status: 200 });
    const sendOptions = pooled();
    const first = await sendWebhook(bot.url, webhook, sendOptions);
    const second = await sendWebhook(bot.url, webhook, sendOptions);
    expect(first).toMatchObject({ protocol: "h2", timings: { tlsMs: measured } });
    expect(second.timings).toEqual({
      dnsMs: null,
      connectMs: null,
      tlsMs: null,
      responseMs: measured,
    });
  });

  it("pooled https HTTP/1.1: the agent measures TLS on its new connection, not on reuse", async () => {
    const bot = await httpsBot({ kind: "status", status: 200 }, ["http/1.1"]);
    const sendOptions = pooled();
    // The first send learns the protocol on a connection of its own; the agent opens the next.
    await sendWebhook(bot.url, webhook, sendOptions);
    const second = await sendWebhook(bot.url, webhook, sendOptions);
    const third = await sendWebhook(bot.url, webhook, sendOptions);
    expect(second).toMatchObject({
      protocol: "http/1.1",
      timings: { connectMs: measured, tlsMs: measured },
    });
    expect(third.timings).toEqual({
      dnsMs: null,
      connectMs: null,
      tlsMs: null,
      responseMs: measured,
    });
  });

  it("a refused connection: the connect step's time, no response time", async () => {
    const bot = await httpBot({ kind: "status", status: 200 });
    const url = bot.url;
    await bot.close();
    const result = await sendWebhook(url, webhook, options());
    expect(result).toMatchObject({ ok: false, reason: "could_not_connect" });
    expect(result.timings).toEqual({
      dnsMs: null,
      connectMs: measured,
      tlsMs: null,
      responseMs: null,
    });
  });
});
