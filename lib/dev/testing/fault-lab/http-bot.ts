// A plain HTTP/1.1 "bot server" on 127.0.0.1 whose behaviour a test switches at run time: answer
// with any status (optionally late), drop the connection after reading the request, answer with
// bytes that are not HTTP, or never answer. Keep-alive works as in any Node HTTP server.
import http from "node:http";
import {
  type HttpBehaviour,
  LOOPBACK,
  listenOnLoopback,
  notHttpBytes,
  type RecordedRequest,
  Resources,
  recordRequest,
  sendStatus,
} from "./internal";

export type { HttpBehaviour, RecordedRequest } from "./internal";

export interface HttpBot {
  /** Base URL, e.g. "http://127.0.0.1:40123" (no trailing slash). */
  url: string;
  port: number;
  /** Every request received so far, in arrival order (recorded once its body has arrived). */
  requests: RecordedRequest[];
  /** TCP connections accepted so far, whether or not a request came over them. */
  connections: number;
  /** The behaviour applied to requests from now on. */
  behaviour: HttpBehaviour;
  setBehaviour(behaviour: HttpBehaviour): void;
  /** Stops listening and destroys every connection and pending answer. Idempotent. */
  close(): Promise<void>;
}

export async function startHttpBot(
  behaviour: HttpBehaviour = { kind: "status", status: 200 },
): Promise<HttpBot> {
  const server = http.createServer();
  const resources = new Resources(server);
  server.on("clientError", (_error, socket) => socket.destroy());
  const bot: HttpBot = {
    url: "",
    port: 0,
    requests: [],
    connections: 0,
    behaviour,
    setBehaviour(next) {
      bot.behaviour = next;
    },
    close: () => resources.close(),
  };

  server.on("connection", () => {
    bot.connections += 1;
  });
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    res.on("error", () => {});
    // The behaviour in force when the request arrived decides its fate.
    const current = bot.behaviour;
    void recordRequest(req, bot.requests).then(() => {
      if (resources.closed) return;
      switch (current.kind) {
        case "status":
          if (current.delayMs) resources.later(current.delayMs, () => sendStatus(res, current));
          else sendStatus(res, current);
          return;
        case "closeAfterRequest":
          req.socket.destroy();
          return;
        case "notHttp":
          req.socket.end(notHttpBytes(current));
          return;
        case "hang":
          return;
      }
    });
  });

  const port = await listenOnLoopback(server);
  bot.port = port;
  bot.url = `http://${LOOPBACK}:${port}`;
  return bot;
}
