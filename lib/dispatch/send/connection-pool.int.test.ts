// Connection reuse against real servers on 127.0.0.1: keep-alive HTTP/1.1, shared HTTP/2
// sessions, connections the server closed in between, and no second POST after a reset.
import http from "node:http";
import http2 from "node:http2";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ALLOW_PRIVATE_TARGETS } from "../../dev/testing/allow-private-targets";
import { type LocalPki, mintLocalPki, startHttpBot } from "../../dev/testing/fault-lab";
import { dispatchSettingsFromEnv, sendOptionsFrom } from "../dispatch-settings";
import { ConnectionPool } from "./connection-pool";
import { type SendOptions, sendWebhook } from "./send-webhook";

const webhook = { headers: { "content-type": "application/json" }, body: Buffer.from("{}") };
let pki: LocalPki;
let options: SendOptions;
const cleanups: (() => Promise<void> | void)[] = [];

beforeAll(async () => {
  pki = await mintLocalPki();
});
afterAll(() => pki.cleanup());
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function pooledOptions(): SendOptions {
  const base = sendOptionsFrom(
    dispatchSettingsFromEnv({ ...ALLOW_PRIVATE_TARGETS, WEBHOOK_EXTRA_CA_FILE: pki.ca.caFile }),
  );
  const pool = new ConnectionPool(base);
  cleanups.push(() => pool.close());
  options = { ...base, pool };
  return options;
}

/** An HTTP/1.1 server answering 200 that counts the connections it accepted. */
async function countingHttpServer(configure?: (server: http.Server) => void) {
  let connections = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", () => response.end("{}"));
  });
  server.on("connection", () => connections++);
  configure?.(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  cleanups.push(() => server.closeAllConnections());
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    connections: () => connections,
  };
}

/** An HTTP/2 server answering 200 that counts sessions; `afterFirst` may end a session. */
async function countingHttp2Server(
  onStream?: (session: http2.ServerHttp2Session, count: number) => void,
) {
  let sessions = 0;
  let streams = 0;
  const open = new Set<http2.ServerHttp2Session>();
  const server = http2.createSecureServer({ key: pki.valid.key, cert: pki.valid.cert });
  server.on("session", (session) => {
    sessions++;
    open.add(session);
    session.on("close", () => open.delete(session));
  });
  server.on("stream", (stream) => {
    streams++;
    stream.resume();
    stream.on("end", () => {
      stream.respond({ ":status": 200 });
      stream.end("{}");
      onStream?.(stream.session as http2.ServerHttp2Session, streams);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const session of open) session.destroy();
        server.close(() => resolve());
      }),
  );
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    sessions: () => sessions,
  };
}

describe("connection pool", () => {
  it("reuses one keep-alive HTTP/1.1 connection for consecutive webhooks", async () => {
    const server = await countingHttpServer();
    const send = pooledOptions();
    for (let i = 0; i < 5; i++) {
      expect(await sendWebhook(server.url, webhook, send)).toMatchObject({
        ok: true,
        protocol: "http/1.1",
      });
    }
    expect(server.connections()).toBe(1);
  });

  it("without a pool every webhook gets a new connection", async () => {
    const server = await countingHttpServer();
    const fresh = sendOptionsFrom(dispatchSettingsFromEnv(ALLOW_PRIVATE_TARGETS));
    for (let i = 0; i < 3; i++)
      expect((await sendWebhook(server.url, webhook, fresh)).ok).toBe(true);
    expect(server.connections()).toBe(3);
  });

  it("shares one HTTP/2 session between webhooks", async () => {
    const server = await countingHttp2Server();
    const send = pooledOptions();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => sendWebhook(server.url, webhook, send)),
    );
    for (const result of results) expect(result).toMatchObject({ ok: true, protocol: "h2" });
    await sendWebhook(server.url, webhook, send);
    expect(server.sessions()).toBeLessThanOrEqual(5);
    const before = server.sessions();
    for (let i = 0; i < 3; i++)
      expect((await sendWebhook(server.url, webhook, send)).ok).toBe(true);
    expect(server.sessions()).toBe(before);
  });

  it("opens a new HTTP/2 session after the server sent GOAWAY on the old one", async () => {
    const server = await countingHttp2Server((session, count) => {
      if (count === 1) session.close();
    });
    const send = pooledOptions();
    expect((await sendWebhook(server.url, webhook, send)).ok).toBe(true);
    expect(await sendWebhook(server.url, webhook, send)).toMatchObject({
      ok: true,
      protocol: "h2",
    });
    expect(server.sessions()).toBe(2);
  });

  it("does not reuse an HTTP/1.1 connection the server closed while it was idle", async () => {
    const server = await countingHttpServer((s) => {
      s.keepAliveTimeout = 100;
    });
    const send = pooledOptions();
    expect((await sendWebhook(server.url, webhook, send)).ok).toBe(true);
    expect((await sendWebhook(server.url, webhook, send)).ok).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sendWebhook(server.url, webhook, send)).toMatchObject({ ok: true, status: 200 });
  });

  it("reports a connection closed after the request was read, and does not send it twice", async () => {
    const bot = await startHttpBot({ kind: "status", status: 200 });
    cleanups.push(() => bot.close());
    const send = pooledOptions();
    expect((await sendWebhook(`${bot.url}/`, webhook, send)).ok).toBe(true);
    expect((await sendWebhook(`${bot.url}/`, webhook, send)).ok).toBe(true);
    bot.setBehaviour({ kind: "closeAfterRequest" });
    const result = await sendWebhook(`${bot.url}/`, webhook, send);
    expect(result).toMatchObject({
      ok: false,
      reason: "unclassified",
      detail: "Session closed unexpectedly",
    });
    expect(bot.requests).toHaveLength(3);
  });
});
