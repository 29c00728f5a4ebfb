// Requests sent byte for byte as written, for specs where the raw HTTP exchange is the point:
// node:http, not Playwright's client, which would set its own Host, normalise the path, refuse
// some methods and frame bodies its own way.
import http from "node:http";
import net from "node:net";
import { expect } from "@playwright/test";
import type { ErrorBody } from "./console-api";

export interface RawRequest {
  method: string;
  /** Sent as written: percent-encoding, dot segments and all. */
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * Sends exactly `request` on a connection of its own. A body is framed by its Content-Length
 * (node:http frames no body of a GET, DELETE or OPTIONS by itself).
 */
export function sendRaw(
  baseURL: string | undefined,
  request: RawRequest,
  { timeoutMs = 15_000 } = {},
): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseURL ?? "");
  const headers: Record<string, string> = { connection: "close", ...request.headers };
  const bytes = request.body === undefined ? undefined : Buffer.from(request.body, "utf8");
  if (bytes) headers["content-length"] = String(bytes.length);
  return new Promise((resolve, reject) => {
    const outgoing = http.request(
      { hostname, port, method: request.method, path: request.path, headers, agent: false },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
        incoming.on("end", () =>
          resolve({
            status: incoming.statusCode ?? 0,
            headers: incoming.headers,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        incoming.on("error", reject);
      },
    );
    outgoing.on("error", reject);
    outgoing.setTimeout(timeoutMs, () =>
      outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)),
    );
    outgoing.end(bytes);
  });
}

/** A raw answer in the JSON error shape with `status`; returns the body. */
export function expectRawError(answer: RawAnswer, status: number, what: string): ErrorBody {
  expect(answer.status, `${what}: ${answer.body.slice(0, 300)}`).toBe(status);
  expect(answer.headers["content-type"], what).toContain("application/json");
  const body = JSON.parse(answer.body) as ErrorBody;
  expect(typeof body.message, what).toBe("string");
  expect(body.message.length, what).toBeGreaterThan(0);
  for (const detail of body.details ?? []) {
    expect(detail, what).toEqual({ property: expect.any(String), message: expect.any(String) });
  }
  return body;
}

/**
 * Writes `head` (the request line and header lines, without the blank line that ends them)
 * exactly as given on a connection of its own, for what node:http will not send: repeated Host
 * lines, a request target in absolute form. Answers the status and the body.
 */
export function sendBytes(
  baseURL: string | undefined,
  head: string[],
  { timeoutMs = 15_000 } = {},
): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(baseURL ?? "");
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    const chunks: Buffer[] = [];
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`no answer within ${timeoutMs} ms`)),
    );
    socket.on("connect", () =>
      socket.write(`${[...head, "Connection: close"].join("\r\n")}\r\n\r\n`),
    );
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.on("close", () => {
      const text = Buffer.concat(chunks).toString("utf8");
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      const at = text.indexOf("\r\n\r\n");
      const head = at === -1 ? text : text.slice(0, at);
      let body = at === -1 ? "" : text.slice(at + 4);
      if (/^transfer-encoding:\s*chunked/im.test(head)) {
        let decoded = "";
        for (;;) {
          const line = body.indexOf("\r\n");
          const size = Number.parseInt(body.slice(0, line), 16);
          if (!(size > 0)) break;
          decoded += body.slice(line + 2, line + 2 + size);
          body = body.slice(line + 2 + size + 2);
        }
        body = decoded;
      }
      resolve({ status, body });
    });
  });
}
