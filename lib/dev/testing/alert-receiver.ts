// An operational webhook's receiver, as an operator's own service would be: it checks every
// request with the Standard Webhooks reference library (standardwebhooks, not the console's
// code), keeps what arrived, and answers each request with the next status of a script.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export interface ReceivedAlert {
  /** webhook-id: the same on every retry of one alert. */
  id: string;
  /** webhook-timestamp, Unix seconds: the send's own. */
  timestamp: number;
  /** Whether the signature checked out under the secret (and the timestamp is recent). */
  verified: boolean;
  /** Why it did not, in the library's words. */
  refusal: string | null;
  type: string;
  data: Record<string, unknown>;
  /** What the receiver answered. */
  status: number;
}

export interface AlertReceiver {
  url: string;
  received: ReceivedAlert[];
  close(): Promise<void>;
}

/**
 * Listens on 127.0.0.1; `secret()` is the operational webhook's signing secret (read when a
 * request arrives); `statuses` answer the first requests in turn, 200 after them.
 */
export async function startAlertReceiver(
  secret: () => Promise<string>,
  statuses: readonly number[] = [],
): Promise<AlertReceiver> {
  const received: ReceivedAlert[] = [];
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = Object.fromEntries(
        Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
      );
      let refusal: string | null = null;
      try {
        new Webhook(await secret()).verify(body, headers);
      } catch (error) {
        refusal = (error as Error).message;
      }
      const status = statuses[received.length] ?? 200;
      const alert = JSON.parse(body) as { type: string; data: Record<string, unknown> };
      received.push({
        id: headers["webhook-id"] ?? "",
        timestamp: Number(headers["webhook-timestamp"]),
        verified: refusal === null,
        refusal,
        type: alert.type,
        data: alert.data,
        status,
      });
      response.writeHead(status, { "content-type": "application/json" });
      response.end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/alerts`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
