// Self-tests of the fault lab: each server is hit with Node's own clients (http, https, http2,
// tls, net, dns Resolver) and the test pins the exact error Node 20 reports for the fault. These
// codes and messages are what the webhook dispatcher's failure classifier is built from.
import { X509Certificate } from "node:crypto";
import { Resolver } from "node:dns/promises";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type LocalPki, mintLocalPki } from "../../tls/local-pki";
import { startDnsServer } from "./dns-server";
import { startHttpBot } from "./http-bot";
import { startHttpsBot } from "./https-bot";
import { refusedPort, startBlackholeListener } from "./tcp-faults";
import {
  startAlpnRejectingServer,
  startHandshakeDropper,
  startPlainTextServer,
} from "./tls-faults";

// ---------------------------------------------------------------------------------------------
// Client helpers: each returns what happened instead of throwing, so tests assert on outcomes.

interface NodeError extends Error {
  code?: string;
}

interface H1Outcome {
  status?: number;
  headers?: http.IncomingHttpHeaders;
  body?: string;
  error?: NodeError;
  /** The client-side timeout fired before any response (the request was then destroyed). */
  timedOut: boolean;
  reusedSocket?: boolean;
}

function h1Request(
  url: string,
  options: https.RequestOptions &
    Pick<tls.ConnectionOptions, "ALPNProtocols"> & { body?: string; timeoutMs?: number } = {},
): Promise<H1Outcome> {
  const { body = '{"events":[]}', timeoutMs = 3_000, ...rest } = options;
  return new Promise((resolve) => {
    const outcome: H1Outcome = { timedOut: false };
    const client = url.startsWith("https:") ? https : http;
    const req = client.request(
      url,
      {
        method: "POST",
        agent: false,
        headers: { "content-type": "application/json", "x-line-signature": "sig" },
        // The `timeout` option arms the socket's idle timer from its creation, so it also covers
        // the connect phase; req.setTimeout() only starts once the socket has connected.
        timeout: timeoutMs,
        ...rest,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          outcome.status = res.statusCode;
          outcome.headers = res.headers;
          outcome.body = Buffer.concat(chunks).toString();
          outcome.reusedSocket = req.reusedSocket;
          resolve(outcome);
        });
      },
    );
    req.on("timeout", () => {
      outcome.timedOut = true;
      req.destroy();
    });
    req.on("error", (error: NodeError) => {
      outcome.error = error;
      resolve(outcome);
    });
    req.end(body);
  });
}

interface H2Outcome {
  status?: number;
  body?: string;
  goaways: { errorCode: number; lastStreamID: number }[];
  streamError?: NodeError;
  sessionError?: NodeError;
  rstCode?: number;
  timedOut: boolean;
  requestThrew?: NodeError;
}

function h2Request(
  url: string,
  options: { ca?: string; timeoutMs?: number; servername?: string } = {},
): Promise<H2Outcome> {
  const { timeoutMs = 3_000, ...connectOptions } = options;
  return new Promise((resolve) => {
    const outcome: H2Outcome = { goaways: [], timedOut: false };
    const session = http2.connect(url, connectOptions);
    session.on("goaway", (errorCode, lastStreamID) => {
      outcome.goaways.push({ errorCode, lastStreamID });
    });
    session.on("error", (error: NodeError) => {
      outcome.sessionError = error;
    });
    const finish = () => {
      session.destroy();
      // Let the session's last events land before resolving.
      setImmediate(() => resolve(outcome));
    };
    let stream: http2.ClientHttp2Stream;
    try {
      stream = session.request({
        ":method": "POST",
        ":path": "/webhook",
        "content-type": "application/json",
      });
    } catch (error) {
      outcome.requestThrew = error as NodeError;
      finish();
      return;
    }
    const chunks: Buffer[] = [];
    stream.on("response", (headers) => {
      outcome.status = Number(headers[":status"]);
    });
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    stream.on("error", (error: NodeError) => {
      outcome.streamError = error;
    });
    stream.setTimeout(timeoutMs, () => {
      outcome.timedOut = true;
      stream.close(http2.constants.NGHTTP2_CANCEL);
    });
    stream.on("close", () => {
      outcome.rstCode = stream.rstCode;
      if (outcome.status !== undefined) outcome.body = Buffer.concat(chunks).toString();
      session.close();
      finish();
    });
    stream.end('{"events":[]}');
  });
}

interface TlsOutcome {
  error?: NodeError;
  alpnProtocol?: string | false | null;
  protocol?: string | null;
  /** After a successful handshake: how the server ended the connection. */
  closedByServer?: boolean;
}

function tlsHandshake(
  port: number,
  options: tls.ConnectionOptions & { waitForServerClose?: boolean } = {},
): Promise<TlsOutcome> {
  const { waitForServerClose = false, ...connectOptions } = options;
  return new Promise((resolve) => {
    const outcome: TlsOutcome = {};
    const socket = tls.connect({
      host: "127.0.0.1",
      port,
      servername: "localhost",
      ...connectOptions,
    });
    socket.on("secureConnect", () => {
      outcome.alpnProtocol = socket.alpnProtocol;
      outcome.protocol = socket.getProtocol();
      if (!waitForServerClose) {
        socket.destroy();
        resolve(outcome);
        return;
      }
      socket.on("end", () => {
        outcome.closedByServer = true;
      });
      socket.on("close", () => resolve(outcome));
      socket.resume();
      setTimeout(() => socket.destroy(), 3_000).unref();
    });
    socket.on("error", (error: NodeError) => {
      outcome.error = error;
      resolve(outcome);
    });
  });
}

/**
 * A TLS handshake failure as https.request reports it. The request headers are already queued on
 * the TLS socket when the handshake fails, so Node reports the OpenSSL error from that write:
 * code "EPROTO", syscall "write", message "write EPROTO <OpenSSL error string>". (tls.connect and
 * http2.connect, which have nothing queued, get the specific ERR_SSL_* code instead.) Only the
 * OpenSSL reason text in the message is stable across both paths.
 */
function expectHandshakeFailure(error: NodeError | undefined, code: string, reason: string) {
  expect(error).toBeDefined();
  expect(["EPROTO", code]).toContain(error?.code);
  expect(error?.message).toContain(reason);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves once nothing listens on the port any more (connect refused). */
function connectOutcome(port: number): Promise<NodeError | "connected"> {
  return new Promise((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.on("connect", () => {
      socket.destroy();
      resolve("connected");
    });
    socket.on("error", (error: NodeError) => resolve(error));
  });
}

let pki: LocalPki;
beforeAll(async () => {
  pki = await mintLocalPki();
}, 30_000);
afterAll(async () => {
  await pki.cleanup();
});

// ---------------------------------------------------------------------------------------------

describe("certificates", () => {
  it("mints a CA, a valid localhost certificate and three broken variants, once per process", async () => {
    expect(await mintLocalPki()).toBe(pki);
    const ca = new X509Certificate(pki.ca.cert);
    expect(existsSync(pki.ca.caFile)).toBe(true);
    expect(ca.ca).toBe(true);

    const valid = new X509Certificate(pki.valid.cert);
    expect(valid.subjectAltName).toBe("DNS:localhost, IP Address:127.0.0.1");
    expect(valid.checkIssued(ca)).toBe(true);
    expect(valid.verify(ca.publicKey)).toBe(true);
    expect(valid.publicKey.asymmetricKeyDetails?.namedCurve).toBe("prime256v1");
    expect(new Date(valid.validTo).getTime()).toBeGreaterThan(Date.now());

    const expired = new X509Certificate(pki.expired.cert);
    expect(expired.verify(ca.publicKey)).toBe(true);
    expect(new Date(expired.validTo).getTime()).toBeLessThan(Date.now());
    expect(expired.subjectAltName).toBe("DNS:localhost, IP Address:127.0.0.1");

    const wrongHost = new X509Certificate(pki.wrongHost.cert);
    expect(wrongHost.verify(ca.publicKey)).toBe(true);
    expect(wrongHost.subjectAltName).toBe("DNS:other.invalid");

    const selfSigned = new X509Certificate(pki.selfSigned.cert);
    expect(selfSigned.checkIssued(ca)).toBe(false);
    expect(selfSigned.verify(selfSigned.publicKey)).toBe(true);
    expect(selfSigned.subjectAltName).toBe("DNS:localhost, IP Address:127.0.0.1");
    expect(pki.server("wrongHost")).toBe(pki.wrongHost);
  });

  it("mints into a given directory and cleanup() forgets it without deleting the directory", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "fault-lab-own-"));
    try {
      const own = await mintLocalPki(dir);
      expect(own).not.toBe(pki);
      expect(own.ca.caFile).toBe(path.join(dir, "ca.pem"));
      await own.cleanup();
      expect(existsSync(own.ca.caFile)).toBe(true);
      expect(await mintLocalPki(dir)).not.toBe(own);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("http-bot", () => {
  it("answers with the configured status and records method, path, headers and raw body", async () => {
    const bot = await startHttpBot({ kind: "status", status: 200, body: "OK" });
    try {
      expect(bot.url).toBe(`http://127.0.0.1:${bot.port}`);
      const ok = await h1Request(`${bot.url}/callback?x=1`, { body: '{"events":[1]}' });
      expect(ok).toMatchObject({ status: 200, body: "OK" });
      expect(bot.requests).toHaveLength(1);
      const [recorded] = bot.requests;
      expect(recorded).toMatchObject({
        protocol: "http/1.1",
        method: "POST",
        path: "/callback?x=1",
      });
      expect(recorded?.headers["x-line-signature"]).toBe("sig");
      expect(recorded?.body).toEqual(Buffer.from('{"events":[1]}'));

      bot.setBehaviour({ kind: "status", status: 302 });
      expect(await h1Request(bot.url)).toMatchObject({
        status: 302,
        headers: { location: "/redirected" },
      });
      bot.setBehaviour({ kind: "status", status: 404, body: "nope" });
      expect(await h1Request(bot.url)).toMatchObject({ status: 404, body: "nope" });
      bot.setBehaviour({ kind: "status", status: 503, delayMs: 150 });
      const started = Date.now();
      expect(await h1Request(bot.url)).toMatchObject({ status: 503 });
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await bot.close();
    }
  });

  it("keeps connections alive", async () => {
    const bot = await startHttpBot();
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      expect(await h1Request(bot.url, { agent })).toMatchObject({
        status: 200,
        reusedSocket: false,
      });
      expect(await h1Request(bot.url, { agent })).toMatchObject({
        status: 200,
        reusedSocket: true,
      });
      expect(bot.connections).toBe(1);
    } finally {
      agent.destroy();
      await bot.close();
    }
  });

  it("closeAfterRequest: reads the request, then drops the connection → ECONNRESET 'socket hang up'", async () => {
    const bot = await startHttpBot({ kind: "closeAfterRequest" });
    try {
      const outcome = await h1Request(bot.url, { body: "x".repeat(100_000) });
      expect(outcome.status).toBeUndefined();
      expect(outcome.error).toMatchObject({ code: "ECONNRESET", message: "socket hang up" });
      expect(bot.requests[0]?.body.length).toBe(100_000);
    } finally {
      await bot.close();
    }
  });

  it("notHttp: answers garbage → HPE_INVALID_CONSTANT 'Parse Error: Expected HTTP/…'", async () => {
    const bot = await startHttpBot({ kind: "notHttp" });
    try {
      const outcome = await h1Request(bot.url);
      expect(outcome.error?.code).toBe("HPE_INVALID_CONSTANT");
      expect(outcome.error?.message).toMatch(/^Parse Error: Expected HTTP\//);
      expect(bot.requests).toHaveLength(1);
    } finally {
      await bot.close();
    }
  });

  it("hang: never answers (the client's own timer fires; destroying then gives 'socket hang up')", async () => {
    const bot = await startHttpBot({ kind: "hang" });
    try {
      const outcome = await h1Request(bot.url, { timeoutMs: 300 });
      expect(outcome.timedOut).toBe(true);
      expect(outcome.status).toBeUndefined();
      expect(outcome.error).toMatchObject({ code: "ECONNRESET", message: "socket hang up" });
      expect(bot.requests).toHaveLength(1);
    } finally {
      await bot.close();
    }
  });

  it("close() frees the port even with a hanging request and a pending delayed answer", async () => {
    const bot = await startHttpBot({ kind: "hang" });
    const hanging = h1Request(bot.url, { timeoutMs: 5_000 });
    await expect.poll(() => bot.requests.length).toBe(1);
    bot.setBehaviour({ kind: "status", status: 200, delayMs: 10_000 });
    const delayed = h1Request(bot.url, { timeoutMs: 5_000 });
    await expect.poll(() => bot.requests.length).toBe(2);
    const started = Date.now();
    await bot.close();
    await bot.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await hanging).error?.code).toBe("ECONNRESET");
    expect((await delayed).error?.code).toBe("ECONNRESET");
    expect(await connectOutcome(bot.port)).toMatchObject({ code: "ECONNREFUSED" });
  });
});

// ---------------------------------------------------------------------------------------------

describe("https-bot certificates and TLS versions", () => {
  it("valid certificate: HTTP/1.1 by IP and by name, HTTP/2 by ALPN", async () => {
    const bot = await startHttpsBot({ behaviour: { kind: "status", status: 200, body: "OK" } });
    try {
      expect(bot.url).toBe(`https://127.0.0.1:${bot.port}`);
      expect(await h1Request(`${bot.url}/a`, { ca: bot.ca })).toMatchObject({
        status: 200,
        body: "OK",
      });
      expect(await h1Request(`${bot.hostUrl}/b`, { ca: bot.ca })).toMatchObject({ status: 200 });
      expect(await h2Request(`${bot.url}`, { ca: bot.ca })).toMatchObject({
        status: 200,
        body: "OK",
      });
      expect(bot.requests.map((r) => [r.protocol, r.method, r.path])).toEqual([
        ["http/1.1", "POST", "/a"],
        ["http/1.1", "POST", "/b"],
        ["h2", "POST", "/webhook"],
      ]);
      expect(bot.requests[2]?.headers[":method"]).toBe("POST");
      expect(bot.requests[2]?.body.toString()).toBe('{"events":[]}');
    } finally {
      await bot.close();
    }
  });

  it("expired certificate → CERT_HAS_EXPIRED 'certificate has expired'", async () => {
    const bot = await startHttpsBot({ cert: "expired" });
    try {
      const expected = { code: "CERT_HAS_EXPIRED", message: "certificate has expired" };
      expect((await h1Request(bot.url, { ca: bot.ca })).error).toMatchObject(expected);
      expect((await h2Request(bot.url, { ca: bot.ca })).sessionError).toMatchObject(expected);
      expect(bot.requests).toHaveLength(0);
    } finally {
      await bot.close();
    }
  });

  it("wrong host name → ERR_TLS_CERT_ALTNAME_INVALID", async () => {
    const bot = await startHttpsBot({ cert: "wrongHost" });
    try {
      const byName = (await h1Request(bot.hostUrl, { ca: bot.ca })).error;
      expect(byName).toMatchObject({
        code: "ERR_TLS_CERT_ALTNAME_INVALID",
        message:
          "Hostname/IP does not match certificate's altnames: Host: localhost. is not in the cert's altnames: DNS:other.invalid",
      });
      const byIp = (await h1Request(bot.url, { ca: bot.ca })).error;
      expect(byIp).toMatchObject({
        code: "ERR_TLS_CERT_ALTNAME_INVALID",
        message:
          "Hostname/IP does not match certificate's altnames: IP: 127.0.0.1 is not in the cert's list: ",
      });
      expect((await h2Request(bot.hostUrl, { ca: bot.ca })).sessionError?.code).toBe(
        "ERR_TLS_CERT_ALTNAME_INVALID",
      );
    } finally {
      await bot.close();
    }
  });

  it("self-signed certificate → DEPTH_ZERO_SELF_SIGNED_CERT 'self-signed certificate'", async () => {
    const bot = await startHttpsBot({ cert: "selfSigned" });
    try {
      const expected = { code: "DEPTH_ZERO_SELF_SIGNED_CERT", message: "self-signed certificate" };
      expect((await h1Request(bot.url, { ca: bot.ca })).error).toMatchObject(expected);
      expect((await h2Request(bot.url, { ca: bot.ca })).sessionError).toMatchObject(expected);
    } finally {
      await bot.close();
    }
  });

  it("a server that only speaks TLS 1.0/1.1 → ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION", async () => {
    const tls11 = await startHttpsBot({ minVersion: "TLSv1", maxVersion: "TLSv1.1" });
    const tls10 = await startHttpsBot({ minVersion: "TLSv1", maxVersion: "TLSv1" });
    try {
      for (const bot of [tls11, tls10]) {
        const code = "ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION";
        const reason = "ssl3_read_bytes:tlsv1 alert protocol version";
        expectHandshakeFailure((await h1Request(bot.url, { ca: bot.ca })).error, code, reason);
        const viaTls = (await tlsHandshake(bot.port, { ca: bot.ca })).error;
        expect(viaTls).toMatchObject({ code, message: expect.stringContaining(reason) });
        expect((await h2Request(bot.url, { ca: bot.ca })).sessionError?.code).toBe(code);
      }
      // A client capped at TLS 1.2 sends no supported_versions: the server picks 1.1 and the
      // client refuses it itself.
      const capped = await tlsHandshake(tls11.port, { ca: tls11.ca, maxVersion: "TLSv1.2" });
      expect(capped.error?.code).toBe("ERR_SSL_UNSUPPORTED_PROTOCOL");
      expect(capped.error?.message).toContain("unsupported protocol");
    } finally {
      await tls11.close();
      await tls10.close();
    }
  });

  it("no cipher in common → ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE", async () => {
    const bot = await startHttpsBot({
      maxVersion: "TLSv1.2",
      ciphers: "ECDHE-ECDSA-CAMELLIA128-SHA256",
    });
    try {
      const code = "ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE";
      const reason = "ssl3_read_bytes:sslv3 alert handshake failure";
      expectHandshakeFailure((await h1Request(bot.url, { ca: bot.ca })).error, code, reason);
      expect((await tlsHandshake(bot.port, { ca: bot.ca })).error?.code).toBe(code);
    } finally {
      await bot.close();
    }
  });

  it("ALPN: h2 preferred, http/1.1 fallback, and an alert when nothing matches", async () => {
    const both = await startHttpsBot();
    const h1Only = await startHttpsBot({ alpn: ["http/1.1"] });
    const h2Only = await startHttpsBot({ alpn: ["h2"] });
    try {
      const offerBoth = { ca: pki.ca.cert, ALPNProtocols: ["h2", "http/1.1"] };
      expect(await tlsHandshake(both.port, offerBoth)).toMatchObject({ alpnProtocol: "h2" });
      expect(await tlsHandshake(h1Only.port, offerBoth)).toMatchObject({
        alpnProtocol: "http/1.1",
      });
      expect(
        await tlsHandshake(both.port, { ca: pki.ca.cert, ALPNProtocols: ["http/1.1"] }),
      ).toMatchObject({
        alpnProtocol: "http/1.1",
      });
      const noAlpn = {
        code: "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL",
        message: expect.stringContaining("tlsv1 alert no application protocol"),
      };
      expect((await h2Request(h1Only.url, { ca: h1Only.ca })).sessionError).toMatchObject(noAlpn);
      expect(
        (await tlsHandshake(h2Only.port, { ca: pki.ca.cert, ALPNProtocols: ["http/1.1"] })).error,
      ).toMatchObject(noAlpn);
      // https.request offers no ALPN unless told to; told to, it fails the same way.
      expectHandshakeFailure(
        (await h1Request(h2Only.url, { ca: h2Only.ca, ALPNProtocols: ["http/1.1"] })).error,
        "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL",
        "tlsv1 alert no application protocol",
      );
      expect(() => h1Only.setBehaviour({ kind: "h2ResetStream" })).toThrow(
        /needs a server that offers h2/,
      );
    } finally {
      await Promise.all([both.close(), h1Only.close(), h2Only.close()]);
    }
  });
});

describe("https-bot behaviours", () => {
  it("status answers over both protocols, also late", async () => {
    const bot = await startHttpsBot({ behaviour: { kind: "status", status: 500, delayMs: 100 } });
    try {
      expect(await h1Request(bot.url, { ca: bot.ca })).toMatchObject({ status: 500 });
      expect(await h2Request(bot.url, { ca: bot.ca })).toMatchObject({ status: 500, rstCode: 0 });
      bot.setBehaviour({ kind: "status", status: 308, location: "https://127.0.0.1/elsewhere" });
      expect(await h1Request(bot.url, { ca: bot.ca })).toMatchObject({
        status: 308,
        headers: { location: "https://127.0.0.1/elsewhere" },
      });
    } finally {
      await bot.close();
    }
  });

  it("closeAfterRequest: HTTP/1.1 'socket hang up'; HTTP/2 stream closes with NGHTTP2_CANCEL and no error", async () => {
    const bot = await startHttpsBot({ behaviour: { kind: "closeAfterRequest" } });
    try {
      expect((await h1Request(bot.url, { ca: bot.ca })).error).toMatchObject({
        code: "ECONNRESET",
        message: "socket hang up",
      });
      const h2 = await h2Request(bot.url, { ca: bot.ca });
      expect(h2).toMatchObject({ rstCode: http2.constants.NGHTTP2_CANCEL, timedOut: false });
      expect(h2.status).toBeUndefined();
      expect(h2.streamError).toBeUndefined();
      expect(h2.sessionError).toBeUndefined();
      expect(h2.goaways).toEqual([]);
      expect(bot.requests.map((r) => r.protocol)).toEqual(["http/1.1", "h2"]);
    } finally {
      await bot.close();
    }
  });

  it("notHttp: HTTP/1.1 HPE_INVALID_CONSTANT; HTTP/2 ERR_HTTP2_ERROR 'Protocol error'", async () => {
    const bot = await startHttpsBot({ behaviour: { kind: "notHttp" } });
    try {
      expect((await h1Request(bot.url, { ca: bot.ca })).error?.code).toBe("HPE_INVALID_CONSTANT");
      const h2 = await h2Request(bot.url, { ca: bot.ca });
      expect(h2.sessionError).toMatchObject({ code: "ERR_HTTP2_ERROR", message: "Protocol error" });
      expect(h2.streamError).toMatchObject({ code: "ERR_HTTP2_ERROR", message: "Protocol error" });
      expect(h2.rstCode).toBe(http2.constants.NGHTTP2_INTERNAL_ERROR);
      expect(bot.requests.map((r) => r.protocol)).toEqual(["http/1.1", "raw"]);
      expect(bot.requests[1]?.body.subarray(0, 24).toString()).toBe(
        "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
      );
    } finally {
      await bot.close();
    }
  });

  it("hang: no answer over either protocol until the client gives up", async () => {
    const bot = await startHttpsBot({ behaviour: { kind: "hang" } });
    try {
      expect(await h1Request(bot.url, { ca: bot.ca, timeoutMs: 300 })).toMatchObject({
        timedOut: true,
        error: { code: "ECONNRESET", message: "socket hang up" },
      });
      const h2 = await h2Request(bot.url, { ca: bot.ca, timeoutMs: 300 });
      expect(h2).toMatchObject({ timedOut: true, rstCode: http2.constants.NGHTTP2_CANCEL });
      expect(h2.status).toBeUndefined();
      expect(bot.requests).toHaveLength(2);
    } finally {
      await bot.close();
    }
  });

  it("h2ResetStream → ERR_HTTP2_STREAM_ERROR 'Stream closed with error code NGHTTP2_INTERNAL_ERROR', rstCode 2", async () => {
    const bot = await startHttpsBot({ behaviour: { kind: "h2ResetStream" } });
    try {
      const h2 = await h2Request(bot.url, { ca: bot.ca });
      expect(h2.streamError).toMatchObject({
        code: "ERR_HTTP2_STREAM_ERROR",
        message: "Stream closed with error code NGHTTP2_INTERNAL_ERROR",
      });
      expect(h2.rstCode).toBe(http2.constants.NGHTTP2_INTERNAL_ERROR);
      expect(h2.sessionError).toBeUndefined();
      expect(bot.requests).toHaveLength(1);
      bot.setBehaviour({ kind: "h2ResetStream", rstCode: http2.constants.NGHTTP2_REFUSED_STREAM });
      expect((await h2Request(bot.url, { ca: bot.ca })).streamError?.message).toBe(
        "Stream closed with error code NGHTTP2_REFUSED_STREAM",
      );
    } finally {
      await bot.close();
    }
  });

  it("h2GoawayBeforeAccept → 'goaway' (NO_ERROR, lastStreamID 0), the stream is refused (rstCode 7)", async () => {
    const bot = await startHttpsBot({ behaviour: { kind: "h2GoawayBeforeAccept" } });
    try {
      const h2 = await h2Request(bot.url, { ca: bot.ca });
      expect(h2.goaways[0]).toEqual({
        errorCode: http2.constants.NGHTTP2_NO_ERROR,
        lastStreamID: 0,
      });
      expect(h2.streamError).toMatchObject({
        code: "ERR_HTTP2_STREAM_ERROR",
        message: "Stream closed with error code NGHTTP2_REFUSED_STREAM",
      });
      expect(h2.rstCode).toBe(http2.constants.NGHTTP2_REFUSED_STREAM);
      expect(h2.sessionError).toBeUndefined();
      expect(bot.requests).toHaveLength(0);

      // A request on a session that already received the GOAWAY throws synchronously.
      const session = http2.connect(bot.url, { ca: bot.ca });
      session.on("error", () => {});
      await new Promise((resolve) => session.once("goaway", resolve));
      let thrown: NodeError | undefined;
      try {
        session.request({ ":path": "/" });
      } catch (error) {
        thrown = error as NodeError;
      }
      session.destroy();
      expect(thrown).toMatchObject({
        code: "ERR_HTTP2_GOAWAY_SESSION",
        message: "New streams cannot be created after receiving a GOAWAY",
      });

      // With an error code the client destroys the whole session.
      bot.setBehaviour({
        kind: "h2GoawayBeforeAccept",
        errorCode: http2.constants.NGHTTP2_ENHANCE_YOUR_CALM,
      });
      const calm = await h2Request(bot.url, { ca: bot.ca });
      expect(calm.goaways[0]).toEqual({ errorCode: 11, lastStreamID: 0 });
      const sessionError = {
        code: "ERR_HTTP2_SESSION_ERROR",
        message: "Session closed with error code 11",
      };
      expect(calm.sessionError).toMatchObject(sessionError);
      expect(calm.streamError).toMatchObject(sessionError);

      // HTTP/1.1 clients of the same server are cut off right after the handshake.
      expect((await h1Request(bot.url, { ca: bot.ca })).error).toMatchObject({
        code: "ECONNRESET",
        message: "socket hang up",
      });
    } finally {
      await bot.close();
    }
  });

  it("close() ends open HTTP/2 sessions and frees the port", async () => {
    const bot = await startHttpsBot({ behaviour: { kind: "hang" } });
    const pending = h2Request(bot.url, { ca: bot.ca, timeoutMs: 5_000 });
    await expect.poll(() => bot.requests.length).toBe(1);
    const started = Date.now();
    await bot.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    const outcome = await pending;
    expect(outcome.timedOut).toBe(false);
    expect(outcome.status).toBeUndefined();
    expect(await connectOutcome(bot.port)).toMatchObject({ code: "ECONNREFUSED" });
  });
});

// ---------------------------------------------------------------------------------------------

describe("tls-faults", () => {
  it("ALPN-rejecting server → ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL for any offered protocol", async () => {
    const server = await startAlpnRejectingServer();
    try {
      const expected = {
        code: "ERR_SSL_TLSV1_ALERT_NO_APPLICATION_PROTOCOL",
        message: expect.stringContaining("tlsv1 alert no application protocol"),
      };
      expect(
        (await tlsHandshake(server.port, { ca: server.ca, ALPNProtocols: ["h2", "http/1.1"] }))
          .error,
      ).toMatchObject(expected);
      expect((await h2Request(server.url, { ca: server.ca })).sessionError).toMatchObject(expected);
      expect(server.offered).toEqual([["h2", "http/1.1"], ["h2"]]);
      // A client that offers no ALPN (plain https.request) gets through the handshake, and the
      // server then hangs up on it.
      expect(
        await tlsHandshake(server.port, { ca: server.ca, waitForServerClose: true }),
      ).toMatchObject({
        alpnProtocol: false,
        closedByServer: true,
      });
      expect((await h1Request(server.url, { ca: server.ca })).error).toMatchObject({
        code: "ECONNRESET",
        message: "socket hang up",
      });
    } finally {
      await server.close();
    }
  });

  it("plain text on an https port → 'wrong version number' (ERR_SSL_WRONG_VERSION_NUMBER or EPROTO)", async () => {
    const server = await startPlainTextServer();
    try {
      const viaTls = (await tlsHandshake(server.port)).error;
      expect(viaTls?.code).toBe("ERR_SSL_WRONG_VERSION_NUMBER");
      expect(viaTls?.message).toContain("ssl3_get_record:wrong version number");
      expect((await h2Request(server.url)).sessionError?.code).toBe("ERR_SSL_WRONG_VERSION_NUMBER");
      // https.request has already written the request into the TLS socket: the same OpenSSL
      // error surfaces from that write as a system error.
      expectHandshakeFailure(
        (await h1Request(server.url)).error,
        "ERR_SSL_WRONG_VERSION_NUMBER",
        "ssl3_get_record:wrong version number",
      );
      // What the server got was a TLS ClientHello (record type 0x16).
      expect(server.requests[0]?.body[0]).toBe(0x16);
    } finally {
      await server.close();
    }
  });

  it("an oversized record header → 'packet length too long'", async () => {
    const server = await startPlainTextServer({ reply: Buffer.from([0x16, 3, 3, 0xff, 0xff, 0]) });
    try {
      const viaTls = (await tlsHandshake(server.port)).error;
      expect(viaTls?.code).toBe("ERR_SSL_PACKET_LENGTH_TOO_LONG");
      expect(viaTls?.message).toContain("packet length too long");
      expectHandshakeFailure(
        (await h1Request(server.url)).error,
        "ERR_SSL_PACKET_LENGTH_TOO_LONG",
        "ssl3_get_record:packet length too long",
      );
    } finally {
      await server.close();
    }
  });

  it("handshake dropper → ECONNRESET 'Client network socket disconnected before secure TLS connection was established'", async () => {
    const server = await startHandshakeDropper();
    const resetter = await startHandshakeDropper({ reset: true });
    try {
      const expected = {
        code: "ECONNRESET",
        message: "Client network socket disconnected before secure TLS connection was established",
      };
      expect((await h1Request(server.url)).error).toMatchObject(expected);
      expect((await tlsHandshake(server.port)).error).toMatchObject(expected);
      expect((await h2Request(server.url)).sessionError).toMatchObject(expected);
      expect(server.requests).toHaveLength(3);
      expect(server.requests[0]?.body[0]).toBe(0x16);
      // With a TCP RST instead of a FIN.
      const reset = { code: "ECONNRESET", message: "read ECONNRESET" };
      expect((await h1Request(resetter.url)).error).toMatchObject(reset);
      expect((await h2Request(resetter.url)).sessionError).toMatchObject(reset);
    } finally {
      await server.close();
      await resetter.close();
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe("tcp-faults", () => {
  it("refusedPort → ECONNREFUSED 'connect ECONNREFUSED 127.0.0.1:PORT'", async () => {
    const refused = await refusedPort();
    try {
      const expected = {
        code: "ECONNREFUSED",
        message: `connect ECONNREFUSED 127.0.0.1:${refused.port}`,
        syscall: "connect",
      };
      expect((await h1Request(refused.url)).error).toMatchObject(expected);
      expect((await h1Request(`https://127.0.0.1:${refused.port}`)).error).toMatchObject(expected);
      expect((await h2Request(`https://127.0.0.1:${refused.port}`)).sessionError).toMatchObject(
        expected,
      );
    } finally {
      await refused.close();
    }
  });

  it("blackhole listener: connect neither completes nor fails", async () => {
    const blackhole = await startBlackholeListener();
    try {
      const socket = net.connect(blackhole.port, "127.0.0.1");
      const events: string[] = [];
      socket.on("connect", () => events.push("connect"));
      socket.on("error", (error: NodeError) => events.push(`error ${error.code}`));
      const viaHttp = h1Request(blackhole.url, { timeoutMs: 1_000 });
      await sleep(1_500);
      expect(events).toEqual([]);
      expect(socket.connecting).toBe(true);
      socket.destroy();
      // http.request's timeout fires while still connecting; destroying gives 'socket hang up'.
      expect(await viaHttp).toMatchObject({
        timedOut: true,
        error: { code: "ECONNRESET", message: "socket hang up" },
      });
    } finally {
      await blackhole.close();
    }
    expect(await connectOutcome(blackhole.port)).toMatchObject({ code: "ECONNREFUSED" });
  }, 10_000);
});

// ---------------------------------------------------------------------------------------------

describe("dns-server", () => {
  it("answers A records from its map, NODATA for AAAA, NXDOMAIN for the rest", async () => {
    const dns = await startDnsServer({ records: { "bot.test": "127.0.0.1" } });
    try {
      const resolver = new Resolver({ timeout: 1_000, tries: 1 });
      resolver.setServers([dns.server]);
      expect(dns.server).toBe(`127.0.0.1:${dns.port}`);
      expect(await resolver.resolve4("bot.test")).toEqual(["127.0.0.1"]);
      expect(await resolver.resolve4("BOT.TEST.", { ttl: true })).toEqual([
        { address: "127.0.0.1", ttl: 60 },
      ]);
      await expect(resolver.resolve6("bot.test")).rejects.toMatchObject({
        code: "ENODATA",
        message: "queryAaaa ENODATA bot.test",
      });
      await expect(resolver.resolve4("other.test")).rejects.toMatchObject({
        code: "ENOTFOUND",
        message: "queryA ENOTFOUND other.test",
      });
      // (c-ares may or may not keep the caller's letter case.)
      expect(dns.queries.map((q) => `${q.type} ${q.name.toLowerCase()}`)).toEqual([
        "A bot.test",
        "A bot.test",
        "AAAA bot.test",
        "A other.test",
      ]);
    } finally {
      await dns.close();
    }
  });

  it("nxdomain → ENOTFOUND; servfail → ESERVFAIL; silent → ETIMEOUT", async () => {
    const dns = await startDnsServer({ mode: "nxdomain" });
    try {
      const resolver = new Resolver({ timeout: 300, tries: 1 });
      resolver.setServers([dns.server]);
      await expect(resolver.resolve4("bot.test")).rejects.toMatchObject({
        code: "ENOTFOUND",
        message: "queryA ENOTFOUND bot.test",
        syscall: "queryA",
        hostname: "bot.test",
      });
      dns.setMode("servfail");
      await expect(resolver.resolve4("bot.test")).rejects.toMatchObject({
        code: "ESERVFAIL",
        message: "queryA ESERVFAIL bot.test",
      });
      dns.setMode("silent");
      const started = Date.now();
      await expect(resolver.resolve4("bot.test")).rejects.toMatchObject({
        code: "ETIMEOUT",
        message: "queryA ETIMEOUT bot.test",
      });
      // c-ares 1.34 adapts the per-try timeout to the server's measured latency (a fast server
      // can time out well before `timeout`), so only the upper end is pinned.
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(dns.queries).toHaveLength(3);
    } finally {
      await dns.close();
    }
  });
});
