// Servers on 127.0.0.1 that break TLS itself: one that refuses every ALPN protocol, one that is
// not TLS at all (plain HTTP on the port an https:// URL points at), and one that drops the
// connection as soon as the ClientHello arrives.
import net from "node:net";
import tls from "node:tls";
import { mintLocalPki } from "../../tls/local-pki";
import { LOOPBACK, listenOnLoopback, noop, type RecordedRequest, Resources } from "./internal";

export interface FaultServer {
  /** "https://127.0.0.1:PORT" (the URL a client would be given). */
  url: string;
  port: number;
  /**
   * What arrived: the raw bytes of each connection's first read (protocol "raw"), e.g. the
   * ClientHello for the handshake dropper and the plain-text server.
   */
  requests: RecordedRequest[];
  /** Stops listening and destroys every connection. Idempotent. */
  close(): Promise<void>;
}

export interface TlsFaultServer extends FaultServer {
  /** PEM of the test CA (the ALPN-rejecting server presents the valid certificate). */
  ca: string;
}

function faultServer(resources: Resources, port: number, requests: RecordedRequest[]): FaultServer {
  return {
    url: `https://${LOOPBACK}:${port}`,
    port,
    requests,
    close: () => resources.close(),
  };
}

function recordRaw(requests: RecordedRequest[], chunk: Buffer): void {
  requests.push({ protocol: "raw", method: "", path: "", headers: {}, body: chunk });
}

/**
 * A TLS server with the valid test certificate whose ALPN callback accepts nothing, so a client
 * that offers any ALPN protocol (h2, http/1.1) gets a fatal no_application_protocol alert. A
 * client that offers no ALPN at all completes the handshake; the server then closes the
 * connection without a word.
 */
export async function startAlpnRejectingServer(options: { pkiDir?: string } = {}): Promise<
  TlsFaultServer & {
    /** The ALPN protocol lists clients offered, one entry per handshake that offered any. */
    offered: string[][];
  }
> {
  const pki = await mintLocalPki(options.pkiDir);
  const offered: string[][] = [];
  // Returning undefined (instead of one of the offered protocols) makes Node answer the
  // ClientHello with a fatal no_application_protocol alert.
  const rejectEveryProtocol = ({ protocols }: { protocols: string[] }): undefined => {
    offered.push([...protocols]);
    return undefined;
  };
  const server = tls.createServer({
    key: pki.valid.key,
    cert: pki.valid.cert,
    ALPNCallback: rejectEveryProtocol,
  });
  const resources = new Resources(server);
  server.on("tlsClientError", noop);
  server.on("secureConnection", (socket) => {
    resources.track(socket);
    socket.end();
  });
  const port = await listenOnLoopback(server);
  return { ...faultServer(resources, port, []), ca: pki.ca.cert, offered };
}

/**
 * A plain TCP server that answers whatever arrives first (a TLS ClientHello, when the client was
 * given an https:// URL) with a plain HTTP response, like an HTTP server on the port of an https
 * URL, then ends the connection. `reply` replaces the default
 * "HTTP/1.1 400 Bad Request" response; a reply that starts with a TLS record header announcing an
 * oversized record (e.g. 16 03 03 ff ff) produces "packet length too long" instead of
 * "wrong version number".
 */
export async function startPlainTextServer(
  options: { reply?: string | Buffer } = {},
): Promise<FaultServer> {
  const reply =
    options.reply ??
    "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 11\r\nConnection: close\r\n\r\nBad Request";
  const server = net.createServer();
  const resources = new Resources(server);
  const requests: RecordedRequest[] = [];
  server.on("connection", (socket) => {
    socket.once("data", (chunk: Buffer) => {
      recordRaw(requests, chunk);
      socket.end(reply);
    });
  });
  const port = await listenOnLoopback(server);
  return faultServer(resources, port, requests);
}

/**
 * A TCP server that reads the ClientHello and then drops the connection mid-handshake: with a
 * FIN by default, or with a TCP RST when `reset` is true.
 */
export async function startHandshakeDropper(
  options: { reset?: boolean } = {},
): Promise<FaultServer> {
  const server = net.createServer();
  const resources = new Resources(server);
  const requests: RecordedRequest[] = [];
  server.on("connection", (socket) => {
    void readFirstRecord(socket).then((hello) => {
      recordRaw(requests, hello);
      // With nothing left unread, destroy() closes with a FIN; resetAndDestroy() sends an RST.
      if (options.reset) socket.resetAndDestroy();
      else socket.destroy();
    });
  });
  const port = await listenOnLoopback(server);
  return faultServer(resources, port, requests);
}

/**
 * Reads until one whole TLS record (5-byte header + announced length) has arrived, or resolves
 * with the first chunk when the bytes are no TLS handshake record.
 */
function readFirstRecord(socket: net.Socket): Promise<Buffer> {
  return new Promise((resolve) => {
    let buffered = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      buffered = Buffer.concat([buffered, chunk]);
      const isHandshake = buffered[0] === 0x16;
      if (
        !isHandshake ||
        (buffered.length >= 5 && buffered.length >= 5 + buffered.readUInt16BE(3))
      ) {
        socket.off("data", onData);
        socket.pause();
        resolve(buffered);
      }
    };
    socket.on("data", onData);
  });
}
