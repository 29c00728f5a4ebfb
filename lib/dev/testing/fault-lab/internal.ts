// Shared plumbing of the fault-lab servers: request recording, connection tracking so close()
// frees everything, and the HTTP behaviours common to the plain and the TLS bot.
import type http from "node:http";
import type http2 from "node:http2";
import type net from "node:net";

/** The only address any fault-lab server listens on. */
export const LOOPBACK = "127.0.0.1";

/** One request a fault-lab server received. */
export interface RecordedRequest {
  /**
   * "http/1.1" or "h2" for parsed requests; "raw" for bytes read off a connection that was never
   * handed to an HTTP parser (the TLS bot's notHttp answer on an h2 connection).
   */
  protocol: "http/1.1" | "h2" | "raw";
  /** Request method ("" for raw). */
  method: string;
  /** Request target, query included ("" for raw). */
  path: string;
  /** Header names in lower case; h2 requests include the pseudo-headers (":method", ...). */
  headers: Record<string, string | string[] | undefined>;
  /** The complete request body (for raw: the first bytes read). */
  body: Buffer;
}

/** Behaviours shared by the plain HTTP bot and the TLS bot. */
export type HttpBehaviour =
  | {
      /** Answers with this status after reading the whole request (and waiting delayMs). */
      kind: "status";
      status: number;
      delayMs?: number;
      body?: string | Buffer;
      /** Extra response headers. */
      headers?: Record<string, string>;
      /** Location header for 3xx statuses; defaults to "/redirected". */
      location?: string;
    }
  /** Reads the whole request, then destroys the connection without answering. */
  | { kind: "closeAfterRequest" }
  /** Reads the whole request, then writes bytes that are not HTTP (default "HELLO\r\n\r\n") and ends. */
  | { kind: "notHttp"; bytes?: string | Buffer }
  /** Reads the whole request and never answers. */
  | { kind: "hang" };

export const DEFAULT_NOT_HTTP_BYTES = "HELLO\r\n\r\n";

export const noop = () => {};

/** Listens on 127.0.0.1:0 and resolves with the port the kernel chose. */
export function listenOnLoopback(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(0, LOOPBACK, () => {
      server.off("error", onError);
      const address = server.address();
      if (address === null || typeof address === "string") {
        reject(new Error("server has no TCP address"));
        return;
      }
      resolve(address.port);
    });
  });
}

/**
 * Keeps every socket, session and timer a server created so close() can free them all, then
 * closes the server itself. close() is idempotent.
 */
export class Resources {
  private readonly destroyables = new Set<{ destroy(): unknown; destroyed?: boolean }>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private closing: Promise<void> | undefined;

  constructor(private readonly server: net.Server) {
    server.on("connection", (socket: net.Socket) => this.track(socket));
  }

  get closed(): boolean {
    return this.closing !== undefined;
  }

  /** Tracks a socket or session until it closes. */
  track<T extends NodeJS.EventEmitter & { destroy(): unknown; destroyed?: boolean }>(item: T): T {
    if (this.closing) {
      item.destroy();
      return item;
    }
    this.destroyables.add(item);
    item.once("close", () => this.destroyables.delete(item));
    // Errors of a torn-down peer are expected here and must not become uncaught exceptions.
    item.on("error", noop);
    return item;
  }

  /** setTimeout that close() cancels. */
  later(ms: number, fn: () => void): void {
    if (this.closing) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, ms);
    this.timers.add(timer);
  }

  close(): Promise<void> {
    if (!this.closing) {
      this.closing = new Promise<void>((resolve) => {
        this.server.close(() => resolve());
      });
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
      // Sessions and TLS sockets first, then the TCP sockets under them.
      for (const item of [...this.destroyables].reverse()) {
        if (!item.destroyed) item.destroy();
      }
      this.destroyables.clear();
    }
    return this.closing;
  }
}

/** Reads a request body to the end (resolves with what arrived if the request is aborted). */
export function readBody(req: import("node:stream").Readable): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    };
    req.on("data", (chunk: Buffer | string) => {
      chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
    });
    req.on("end", finish);
    req.on("close", finish);
    req.on("error", finish);
  });
}

/** Records an HTTP/1.1 or compat-API HTTP/2 request once its body has arrived. */
export async function recordRequest(
  req: http.IncomingMessage | http2.Http2ServerRequest,
  requests: RecordedRequest[],
): Promise<RecordedRequest> {
  const body = await readBody(req);
  const recorded: RecordedRequest = {
    protocol: req.httpVersionMajor === 2 ? "h2" : "http/1.1",
    method: req.method ?? "",
    path: req.url ?? "",
    headers: { ...req.headers },
    body,
  };
  requests.push(recorded);
  return recorded;
}

/** Sends the "status" behaviour's answer (works for HTTP/1.1 and the HTTP/2 compat API). */
export function sendStatus(
  res: http.ServerResponse | http2.Http2ServerResponse,
  behaviour: Extract<HttpBehaviour, { kind: "status" }>,
): void {
  const headers: Record<string, string | number> = { ...behaviour.headers };
  const body =
    behaviour.body === undefined
      ? Buffer.alloc(0)
      : typeof behaviour.body === "string"
        ? Buffer.from(behaviour.body)
        : behaviour.body;
  if (behaviour.status >= 300 && behaviour.status < 400 && !hasHeader(headers, "location")) {
    headers.location = behaviour.location ?? "/redirected";
  }
  if (!hasHeader(headers, "content-type") && body.length > 0) {
    headers["content-type"] = "text/plain; charset=utf-8";
  }
  headers["content-length"] = body.length;
  // Both response classes take (status, headers); the union of their overloads does not.
  (res as http.ServerResponse).writeHead(behaviour.status, headers);
  res.end(body);
}

function hasHeader(headers: Record<string, unknown>, name: string): boolean {
  return Object.keys(headers).some((key) => key.toLowerCase() === name);
}

/** Normalises the bytes of a notHttp answer. */
export function notHttpBytes(behaviour: Extract<HttpBehaviour, { kind: "notHttp" }>): Buffer {
  const bytes = behaviour.bytes ?? DEFAULT_NOT_HTTP_BYTES;
  return typeof bytes === "string" ? Buffer.from(bytes, "latin1") : bytes;
}
