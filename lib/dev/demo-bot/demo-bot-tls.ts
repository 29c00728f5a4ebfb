import http2 from "node:http2";
import type { AddressInfo, Socket } from "node:net";
import type { KeyPair } from "../tls/local-pki";
import type { DemoBotMode } from "./modes";

export interface DemoBotTlsOptions {
  port: number;
  host?: string;
  certificate: KeyPair;
  mode: () => DemoBotMode;
  /** The same request handling as the plain listener (signature check, mode). */
  handle: (request: http2.Http2ServerRequest, response: http2.Http2ServerResponse) => void;
}

/**
 * The demo bot's https listener: HTTP/2 or HTTP/1.1 by ALPN, so that the HTTP/2-only modes can
 * be shown: GOAWAY before accepting the request (here), and a reset stream (in the handler).
 */
export async function startDemoBotTls(options: DemoBotTlsOptions) {
  const sockets = new Set<Socket>();
  const server = http2.createSecureServer(
    { key: options.certificate.key, cert: options.certificate.cert, allowHTTP1: true },
    options.handle,
  );
  server.on("session", (session) => {
    if (options.mode() === "goaway") {
      // Last stream id 0: no request of this connection will be processed.
      session.goaway(http2.constants.NGHTTP2_NO_ERROR, 0);
      session.close();
    }
  });
  server.on("secureConnection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port, options.host ?? "127.0.0.1", resolve),
  );
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
