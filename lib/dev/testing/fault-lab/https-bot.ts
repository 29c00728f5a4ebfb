// A TLS "bot server" on 127.0.0.1 speaking HTTP/1.1 and/or HTTP/2 (chosen by ALPN), with a
// certificate from the test PKI (valid, expired, wrong host, self-signed), optional TLS version and
// cipher limits, the behaviours of the plain HTTP bot, and two HTTP/2-only faults: GOAWAY before
// any stream is accepted, and RST_STREAM instead of a response.
import type http from "node:http";
import http2 from "node:http2";
import https from "node:https";
import type net from "node:net";
import type tls from "node:tls";
import { mintLocalPki, type ServerCertKind } from "../../tls/local-pki";
import {
  type HttpBehaviour,
  LOOPBACK,
  listenOnLoopback,
  noop,
  notHttpBytes,
  type RecordedRequest,
  Resources,
  recordRequest,
  sendStatus,
} from "./internal";

export type { HttpBehaviour, RecordedRequest } from "./internal";

export type H2OnlyBehaviour =
  | {
      /**
       * As soon as an HTTP/2 session starts (after the server's SETTINGS), send GOAWAY with
       * last-stream-id 0 and the given code (default NGHTTP2_NO_ERROR), then end the session.
       * HTTP/1.1 connections to the same server are closed right after the TLS handshake.
       */
      kind: "h2GoawayBeforeAccept";
      errorCode?: number;
    }
  | {
      /**
       * Reads the whole request, then resets its stream with RST_STREAM and the given code
       * (default NGHTTP2_INTERNAL_ERROR) without responding. HTTP/1.1 requests are treated as
       * closeAfterRequest.
       */
      kind: "h2ResetStream";
      rstCode?: number;
    };

export type HttpsBehaviour = HttpBehaviour | H2OnlyBehaviour;

export type AlpnChoice = ["h2", "http/1.1"] | ["http/1.1"] | ["h2"];

export interface HttpsBotOptions {
  /** Which certificate of the test PKI the server presents. Default "valid". */
  cert?: ServerCertKind;
  /**
   * Protocols offered by ALPN, in server preference order. Default ["h2", "http/1.1"] (an
   * http2 secure server with allowHTTP1). ["http/1.1"] is an https server, ["h2"] an http2
   * secure server without HTTP/1.1: a client offering only the other protocol gets a
   * no_application_protocol alert.
   */
  alpn?: AlpnChoice;
  /** E.g. "TLSv1" with maxVersion "TLSv1.1" for a server a TLS 1.2+ client cannot talk to. */
  minVersion?: tls.SecureVersion;
  maxVersion?: tls.SecureVersion;
  /**
   * OpenSSL cipher list. When maxVersion is below TLSv1.2 and no list is given,
   * "DEFAULT@SECLEVEL=0" is used so OpenSSL 3 still allows the old protocol on the server side.
   */
  ciphers?: string;
  behaviour?: HttpsBehaviour;
  /** PKI directory to mint into (see mintLocalPki); default: the process-wide temporary PKI. */
  pkiDir?: string;
}

export interface HttpsBot {
  /** Base URL by IP, e.g. "https://127.0.0.1:40123" (the valid certificate has IP:127.0.0.1). */
  url: string;
  /** The same server by name, "https://localhost:40123" (the valid certificate has DNS:localhost). */
  hostUrl: string;
  port: number;
  /** PEM of the test CA that signed the valid, expired and wrongHost certificates. */
  ca: string;
  requests: RecordedRequest[];
  behaviour: HttpsBehaviour;
  setBehaviour(behaviour: HttpsBehaviour): void;
  /** Stops listening and destroys every session, connection and pending answer. Idempotent. */
  close(): Promise<void>;
}

const OLD_VERSIONS: readonly tls.SecureVersion[] = ["TLSv1", "TLSv1.1"];

export async function startHttpsBot(options: HttpsBotOptions = {}): Promise<HttpsBot> {
  const pki = await mintLocalPki(options.pkiDir);
  const pair = pki.server(options.cert ?? "valid");
  const alpn: readonly string[] = options.alpn ?? ["h2", "http/1.1"];
  const offersH2 = alpn.includes("h2");
  const ciphers =
    options.ciphers ??
    (options.maxVersion && OLD_VERSIONS.includes(options.maxVersion)
      ? "DEFAULT@SECLEVEL=0"
      : undefined);
  const tlsOptions: tls.TlsOptions = {
    key: pair.key,
    cert: pair.cert,
    ALPNProtocols: [...alpn],
    ...(options.minVersion ? { minVersion: options.minVersion } : {}),
    ...(options.maxVersion ? { maxVersion: options.maxVersion } : {}),
    ...(ciphers ? { ciphers } : {}),
  };
  const server: tls.Server = offersH2
    ? http2.createSecureServer({ ...tlsOptions, allowHTTP1: alpn.includes("http/1.1") })
    : https.createServer(tlsOptions);
  const resources = new Resources(server);
  // Handshake failures (the point of several variants) are the client's business.
  server.on("tlsClientError", noop);

  const initial = options.behaviour ?? { kind: "status", status: 200 };
  assertSupported(initial, offersH2);
  const bot: HttpsBot = {
    url: "",
    hostUrl: "",
    port: 0,
    ca: pki.ca.cert,
    requests: [],
    behaviour: initial,
    setBehaviour(next) {
      assertSupported(next, offersH2);
      bot.behaviour = next;
    },
    close: () => resources.close(),
  };

  // The raw TLS socket of each HTTP/2 session (session.socket is a proxy that cannot be destroyed).
  const sessionSockets = new WeakMap<http2.Http2Session, tls.TLSSocket>();
  let connecting: tls.TLSSocket | undefined;

  // Take over the server's own secureConnection listener (the HTTP/1.1 or HTTP/2 connection
  // handler) so some behaviours can act on the bare TLS connection before HTTP sees it.
  const handOver = server.listeners("secureConnection") as ((socket: tls.TLSSocket) => void)[];
  server.removeAllListeners("secureConnection");
  server.on("secureConnection", (socket: tls.TLSSocket) => {
    resources.track(socket);
    const current = bot.behaviour;
    const isH2 = socket.alpnProtocol === "h2";
    if (current.kind === "notHttp" && isH2) {
      // Answer the client's connection preface with bytes that are no HTTP/2 frames.
      socket.once("data", (chunk: Buffer) => {
        bot.requests.push({ protocol: "raw", method: "", path: "", headers: {}, body: chunk });
        socket.end(notHttpBytes(current));
      });
      return;
    }
    if (current.kind === "h2GoawayBeforeAccept" && !isH2) {
      socket.destroy();
      return;
    }
    connecting = socket;
    try {
      for (const listener of handOver) listener.call(server, socket);
    } finally {
      connecting = undefined;
    }
  });

  if (offersH2) {
    const h2server = server as http2.Http2SecureServer;
    h2server.on("sessionError", noop);
    h2server.on("session", (session: http2.ServerHttp2Session) => {
      resources.track(session);
      if (connecting) sessionSockets.set(session, connecting);
      const current = bot.behaviour;
      if (current.kind === "h2GoawayBeforeAccept") {
        session.goaway(current.errorCode ?? http2.constants.NGHTTP2_NO_ERROR, 0);
        session.close();
      }
    });
  }

  server.on(
    "request",
    (
      req: http.IncomingMessage | http2.Http2ServerRequest,
      res: http.ServerResponse | http2.Http2ServerResponse,
    ) => {
      req.on("error", noop);
      res.on("error", noop);
      const current = bot.behaviour;
      const stream = "stream" in req ? req.stream : undefined;
      stream?.on("error", noop);
      void recordRequest(req, bot.requests).then(() => {
        if (resources.closed) return;
        switch (current.kind) {
          case "status":
            if (current.delayMs) resources.later(current.delayMs, () => sendStatus(res, current));
            else sendStatus(res, current);
            return;
          case "hang":
            return;
          case "closeAfterRequest":
          case "h2ResetStream":
          case "notHttp":
          case "h2GoawayBeforeAccept":
            break;
        }
        if (!stream) {
          // HTTP/1.1: req.socket is the TLS socket itself.
          const socket = req.socket as net.Socket;
          if (current.kind === "notHttp") socket.end(notHttpBytes(current));
          else socket.destroy();
          return;
        }
        switch (current.kind) {
          case "h2ResetStream":
            stream.close(current.rstCode ?? http2.constants.NGHTTP2_INTERNAL_ERROR);
            return;
          case "closeAfterRequest":
            // Tear down the TCP connection under the session, no GOAWAY, no RST_STREAM.
            (sessionSockets.get(stream.session as http2.Http2Session) ?? stream.session)?.destroy();
            return;
          default:
            // notHttp / h2GoawayBeforeAccept switched on after this session started.
            stream.session?.destroy();
        }
      });
    },
  );

  const port = await listenOnLoopback(server);
  bot.port = port;
  bot.url = `https://${LOOPBACK}:${port}`;
  bot.hostUrl = `https://localhost:${port}`;
  return bot;
}

function assertSupported(behaviour: HttpsBehaviour, offersH2: boolean): void {
  if (
    !offersH2 &&
    (behaviour.kind === "h2GoawayBeforeAccept" || behaviour.kind === "h2ResetStream")
  ) {
    throw new Error(`behaviour ${behaviour.kind} needs a server that offers h2 by ALPN`);
  }
}
