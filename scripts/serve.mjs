// npm run serve: serve an existing build (`npm run build`). Migrations apply on start-up
// (instrumentation.ts).
//
// A small HTTP server in front of Next's request handler rather than `next start`, for the two
// kinds of request Next cannot answer well because they never reach it as a request:
// - TRACE: Next turns every request into a WHATWG Request, which the Fetch standard forbids for
//   TRACE, so Next answers a plain-text 500. No resource here supports it, so it gets what HTTP
//   prescribes for that, 501 Not Implemented, in the JSON error shape.
// - requests Node's HTTP parser refuses (headers over its 16 KiB limit, a malformed request
//   line, a method token it does not know such as TRACK): Node would write a bare 431 or 400;
//   here they carry the JSON error shape too.
import http from "node:http";
import next from "next";

process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOSTNAME_BIND ?? "127.0.0.1";
// Longer than the idle timeout of common proxies and clients (Node's 5 s default is shorter
// than most, so a client could write to a connection the server is closing).
const keepAliveTimeout = Number(process.env.KEEP_ALIVE_TIMEOUT_MS ?? 65_000);

function json(status, message) {
  const body = JSON.stringify({ message });
  return {
    status,
    headers: {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(body),
      "cache-control": "no-store",
    },
    body,
  };
}

const app = next({ dev: false, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  if (request.method === "TRACE") {
    const answer = json(501, `Method ${request.method} is not implemented`);
    response.writeHead(answer.status, answer.headers).end(answer.body);
    return;
  }
  handle(request, response);
});

server.on("clientError", (error, socket) => {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const answer =
    error.code === "HPE_HEADER_OVERFLOW"
      ? json(431, "Request header fields too large: the request line and headers exceed 16 KiB")
      : json(400, "Malformed HTTP request");
  const head = [
    `HTTP/1.1 ${answer.status} ${http.STATUS_CODES[answer.status]}`,
    ...Object.entries(answer.headers).map(([name, value]) => `${name}: ${value}`),
    "connection: close",
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${answer.body}`);
});

server.keepAliveTimeout = keepAliveTimeout;
// Node requires the headers timeout to outlast the keep-alive timeout.
server.headersTimeout = keepAliveTimeout + 1000;
server.listen(port, hostname, () => {
  console.log(`[webhook-console] listening on http://${hostname}:${port}`);
});

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    server.close();
    server.closeIdleConnections();
    process.exit(0);
  });
}
