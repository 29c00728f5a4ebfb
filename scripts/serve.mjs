// npm run serve: serve an existing build (`npm run build`). Migrations apply on start-up
// (instrumentation.ts).
//
// A small HTTP server in front of Next's request handler rather than `next start`. It is the one
// place every request passes, whatever its path and whether or not Next would route it, before
// Next has read a byte of its body; so what must hold for every request is checked here:
//
// - the Host header (421 Misdirected Request): against DNS rebinding, a request is served only
//   when its Host names one of the console's origins (CONSOLE_ORIGIN). Here, not in proxy.ts:
//   Next's proxy runs only for the paths its matcher names and only once Next has taken the
//   request in; static files (which the matcher leaves out) and the answers below never reach
//   it, and a rebinding page must not read even those. Nothing reaches Next but through here.
// - the body size (413): a body over 1 MB is refused by its Content-Length before it is read,
//   and a body without one (chunked) is counted as it arrives and refused when it passes the
//   limit, which stops the reading there. Next cannot do this: when the proxy runs, Next copies
//   the body for it and reads it to its end before the route handler runs (holding up to 10 MB
//   in memory), so a route handler's own limit (lib/http/parse.ts) comes too late for that.
// - security headers (lib/http/security-headers.ts) on every answer, pages, API, /v2, static
//   files, Next's 404 and error pages and the refusals here alike; a page's Content-Security-
//   Policy, with its nonce, comes from proxy.ts.
// - what Next cannot answer well because it never reaches it as a request: TRACE and TRACK
//   (Next turns every request into a WHATWG Request, which the Fetch standard forbids for these
//   methods, so Next answers a plain-text 500; no resource here supports them, so they get what
//   HTTP prescribes for that, 501 Not Implemented) and requests Node's HTTP parser refuses
//   (headers over its 16 KiB limit, a method it does not know, TRACK among them, a malformed
//   request line: Node would write a bare 431 or 400).
//
// - what the request gate answers (lib/http/request-gate.ts), for every path: a path no route
//   serves or a method it lacks on /api and /v2 (404, 405 with Allow), a state change from
//   another site (403), a body that is not JSON on the API (415), and a broken percent-encoding
//   in the path, repaired before Next decodes it. Here rather than in Next's proxy, which costs a
//   route handler as much as the rest of Next's work (ADR 23); proxy.ts runs for pages only.
//
// Every refusal here is in the JSON error shape; on /v2 it carries an X-Line-Request-Id and is
// logged, as the LINE-compatible API's own answers are (lib/http/line-route.ts).
//
// `npm run dev` serves through this file too (`--dev`: Next's development server), so the
// defences hold there as well.
import http from "node:http";
import next from "next";
import { tsImport } from "tsx/esm/api";

// The settings and the rules are TypeScript, shared with proxy.ts and with the start-up check of
// every setting (lib/boot/server-settings.ts): tsx loads them for these imports only.
const load = (file) => tsImport(file, import.meta.url);
const [
  { httpServerSettingsFromEnv },
  defences,
  { SECURITY_HEADERS },
  lineRequestId,
  { gateRequest },
  { clientAddress, trustedProxiesFromEnv },
  { timeRequest },
] = await Promise.all([
  load("../lib/settings/http-server-settings.ts"),
  load("../lib/http/request-defences.ts"),
  load("../lib/http/security-headers.ts"),
  load("../lib/http/line-request-id.ts"),
  load("../lib/http/request-gate.ts"),
  load("../lib/http/client-address.ts"),
  load("../lib/metrics/http-metrics.ts"),
]);
const { isLineApiPath, LINE_REQUEST_ID_HEADER, logLineAnswer } = lineRequestId;

process.env.NEXT_TELEMETRY_DISABLED = "1";

function readSettingsOrExit() {
  try {
    return { ...httpServerSettingsFromEnv(process.env), trustedProxies: trustedProxiesFromEnv() };
  } catch (error) {
    if (error?.name !== "InvalidSettingError") throw error;
    console.error(`[webhook-console] cannot start: ${error.message}`);
    process.exit(1);
  }
}

const { port, hostname, keepAliveTimeoutMs, origins, trustedProxies } = readSettingsOrExit();
const allowedHosts = defences.allowedHosts(origins);
const NOT_FETCHABLE = new Set(["TRACE", "TRACK"]);
const SECURITY_ENTRIES = Object.entries(SECURITY_HEADERS);

// How long a connection stays open after a refusal, for the client to read the answer: closed at
// once with a body still arriving, TCP would reset it, and a client still sending could lose the
// answer. Go's net/http waits as long.
const LINGER_MS = 500;

const pathOf = (request) => (request.url ?? "/").split("?")[0] ?? "/";

/** The path and the query (undefined when there is no `?`) of a request target. */
function splitUrl(url) {
  const at = url.indexOf("?");
  return at === -1 ? [url, undefined] : [url.slice(0, at), url.slice(at + 1)];
}

/** A request's headers as the rules read them (lib/http/request-defences.ts: HeaderSource). */
const headerSource = (request) => ({
  get: (name) => {
    const value = request.headers[name];
    return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
  },
});

/**
 * Gives every answer the security headers it does not set itself, whoever writes it: Node calls
 * writeHead for every answer, explicitly or on the first write.
 */
function withSecurityHeaders(response) {
  const writeHead = response.writeHead;
  response.writeHead = function (...args) {
    for (const [name, value] of SECURITY_ENTRIES) {
      if (!this.hasHeader(name)) this.setHeader(name, value);
    }
    return writeHead.apply(this, args);
  };
}

/**
 * Reads no more of the request, and closes its connection once the answer is out: the answer and
 * a FIN, then the connection is torn down LINGER_MS later. Node would read a body left unread to
 * its end (and drop it) to keep the connection; not this one's.
 */
function stopReadingAndClose(request) {
  const socket = request.socket;
  request._read = () => {};
  socket.pause();
  // Node calls destroySoon once an answer with `connection: close` is out.
  socket.destroySoon = function () {
    this.end();
    setTimeout(() => this.destroy(), LINGER_MS).unref();
  };
}

/**
 * Answers with this server's own refusal, in the JSON error shape. With `close`, the request's
 * body, if any, is not read: the connection closes after the answer rather than read the body to
 * find the next request. Without it (a body within the limit), Node reads and drops the body and
 * the connection stays open.
 */
function refuse(
  request,
  response,
  status,
  message,
  { lineMessage = message, close = true, headers = {} } = {},
) {
  const started = performance.now();
  const path = pathOf(request);
  const line = isLineApiPath(path);
  const body = JSON.stringify({ message: line ? lineMessage : message });
  const requestId = line ? logLineAnswer(request.method, path, status, started) : null;
  response.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...headers,
    ...(close ? { connection: "close" } : {}),
    ...(requestId ? { [LINE_REQUEST_ID_HEADER]: requestId } : {}),
  });
  if (close) stopReadingAndClose(request);
  response.end(body);
}

const tooLarge = (request, response) =>
  refuse(request, response, 413, defences.BODY_TOO_LARGE_MESSAGE, {
    lineMessage: defences.LINE_BODY_TOO_LARGE_MESSAGE,
  });

/**
 * Calls `proceed` once the whole body has arrived, within the limit, or `refuse` as soon as it
 * passes the limit. The body is held in the request stream meanwhile, at most MAX_BODY_BYTES,
 * for Next to read as if it were arriving: Node's HTTP parser hands each piece of a body to the
 * request's push(), which is watched here to count the bytes and to see the end (push(null)).
 */
function whenBodyWithinLimit(request, proceed, refuseTooLarge) {
  const framed = request.headers["transfer-encoding"] !== undefined;
  const length = Number(request.headers["content-length"] ?? 0);
  if (request.complete || (!framed && length === 0)) {
    proceed();
    return;
  }
  const push = request.push;
  let received = request.readableLength;
  request.push = function (chunk, encoding) {
    if (chunk === null) {
      request.push = push;
      push.call(this, chunk, encoding);
      process.nextTick(proceed);
      return false;
    }
    received += chunk.length;
    if (received > defences.MAX_BODY_BYTES) {
      // Dropped, as is what the parser still holds; false stops the socket's reading at once.
      request.push = () => false;
      process.nextTick(refuseTooLarge);
      return false;
    }
    push.call(this, chunk, encoding);
    // Held for Next, at most the limit: let the parser keep reading up to the end.
    return true;
  };
}

// The client's address, for the sign-in limits (lib/auth/auth.ts): the connection's, or behind
// TRUSTED_PROXIES the one they forwarded (lib/http/client-address.ts). Set here, replacing any
// value a client sent, so that no client can choose its own rate-limit key.
const CLIENT_ADDRESS_HEADER = "x-webhook-console-client-address";

function serve(request, response, expectsContinue) {
  // For /metrics' request durations (lib/metrics/http-metrics.ts): by route, once it is known.
  const timing = timeRequest(request.method, response);
  withSecurityHeaders(response);
  request.headers[CLIENT_ADDRESS_HEADER] = clientAddress(
    request.socket.remoteAddress ?? "",
    request.headers["x-forwarded-for"],
    trustedProxies,
  );
  // RFC 9112 §3.2: one Host header line; a target in absolute form names the host itself.
  const asked = defences.requestHost(request.url ?? "/", request.rawHeaders);
  if ("badRequest" in asked) {
    refuse(request, response, 400, asked.badRequest);
    return;
  }
  if (!defences.isAllowedHost(asked.host, allowedHosts)) {
    refuse(request, response, 421, defences.MISDIRECTED_REQUEST_MESSAGE);
    return;
  }
  if (asked.originForm !== null) {
    // Next routes by path: hand it the origin form, and the host the target named.
    request.url = asked.originForm;
    request.headers.host = asked.host;
  }
  if (NOT_FETCHABLE.has(request.method ?? "")) {
    refuse(request, response, 501, `Method ${request.method} is not implemented`);
    return;
  }
  if (Number(request.headers["content-length"] ?? 0) > defences.MAX_BODY_BYTES) {
    // Before `100 Continue`: a client that asked first sends none of the body.
    tooLarge(request, response);
    return;
  }
  const [sentPath, query] = splitUrl(request.url ?? "/");
  const { refusal, repairedPath, pattern } = gateRequest(
    request.method,
    sentPath,
    headerSource(request),
    origins,
  );
  timing.pattern = pattern;
  timing.pathname = sentPath;
  if (repairedPath !== null)
    request.url = query === undefined ? repairedPath : `${repairedPath}?${query}`;
  if (refusal) {
    const headers = refusal.allow ? { allow: refusal.allow } : {};
    // Not answered before the go-ahead: a client that asked first sends no body.
    refuse(request, response, refusal.status, refusal.message, { close: expectsContinue, headers });
    return;
  }
  if (expectsContinue) response.writeContinue();
  whenBodyWithinLimit(
    request,
    () => handle(request, response),
    () => tooLarge(request, response),
  );
}

const dev = process.argv.includes("--dev");
const app = next({ dev, turbopack: dev || undefined, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => serve(request, response, false));
// A client that sends `Expect: 100-continue` waits for the go-ahead before the body: given only
// when the request passes the checks above.
server.on("checkContinue", (request, response) => serve(request, response, true));

/**
 * What Node's HTTP parser refused: headers over its 16 KiB limit (431); a method it does not
 * know, such as TRACK (501, as for TRACE above: HTTP's answer to a method the server does not
 * recognise); anything else malformed (400). The request line, when there is one, gives the
 * method and the path.
 */
function clientErrorAnswer(error) {
  // A method is a token (RFC 9110), a path visible ASCII up to its query: nothing else of the
  // request is echoed or logged.
  const [, method, path] =
    String(error.rawPacket ?? "").match(/^([A-Za-z0-9!#$%&'*+.^_`|~-]{1,32}) (\/[!->@-~]*)/) ?? [];
  const answer = (status, message) => ({ status, message, method, path });
  if (error.code === "HPE_HEADER_OVERFLOW") {
    return answer(
      431,
      "Request header fields too large: the request line and headers exceed 16 KiB",
    );
  }
  if (error.code === "HPE_INVALID_METHOD") {
    return answer(501, method ? `Method ${method} is not implemented` : "Method not implemented");
  }
  return answer(400, "Malformed HTTP request");
}

server.on("clientError", (error, socket) => {
  if (!socket.writable || error.code === "ECONNRESET") {
    socket.destroy();
    return;
  }
  const { status, message, method, path } = clientErrorAnswer(error);
  const body = JSON.stringify({ message });
  const requestId =
    path !== undefined && isLineApiPath(path)
      ? logLineAnswer(method, path, status, performance.now())
      : null;
  const head = [
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`,
    "content-type: application/json",
    `content-length: ${Buffer.byteLength(body)}`,
    "cache-control: no-store",
    ...SECURITY_ENTRIES.map(([name, value]) => `${name}: ${value}`),
    ...(requestId ? [`${LINE_REQUEST_ID_HEADER}: ${requestId}`] : []),
    "connection: close",
  ];
  socket.end(`${head.join("\r\n")}\r\n\r\n${body}`);
});

server.keepAliveTimeout = keepAliveTimeoutMs;
// Node requires the headers timeout to outlast the keep-alive timeout.
server.headersTimeout = keepAliveTimeoutMs + 1000;
server.listen(port, hostname, () => {
  console.log(
    `[webhook-console] listening on http://${hostname}:${port}, serving ${origins.join(", ")}`,
  );
});

// Stop taking requests, then let the dispatcher process (lib/dispatch/dispatcher-instance.ts, on
// globalThis) stop claiming and finish what is in flight within WEBHOOK_STOP_TIMEOUT_MS; what is
// still in flight after that is left to its lease, which another dispatcher takes over.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeIdleConnections();
    try {
      await globalThis.webhookConsoleDispatcher?.stop();
    } catch (error) {
      console.error(`[webhook-console] dispatcher did not stop cleanly: ${error}`);
    }
    process.exit(0);
  });
}
