// Requests sent byte for byte as written, for specs where the raw HTTP exchange is the point:
// node:http, not Playwright's client, which would set its own Host, normalise the path, refuse
// some methods and frame bodies its own way.
import http from "node:http";
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
