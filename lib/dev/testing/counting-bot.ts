// A bot for the workers' tests: counts every webhookEventId it receives and how many requests it
// holds at once, answers after `delayMs`, and fails every `failEvery`-th request with a 500.
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface CountingBot {
  url: string;
  /** Every webhookEventId received, in order, duplicates included. */
  received: string[];
  /** Those received with `deliveryContext.isRedelivery: true`, in order. */
  redelivered: string[];
  /** While on, every request is answered 500. */
  setFailing(on: boolean): void;
  /** The most requests held at once. */
  maxConcurrent(): number;
  close(): Promise<void>;
}

export async function startCountingBot({
  delayMs = 0,
  failEvery = 0,
}: {
  delayMs?: number;
  failEvery?: number;
} = {}): Promise<CountingBot> {
  const received: string[] = [];
  const redelivered: string[] = [];
  let failingAll = false;
  let current = 0;
  let most = 0;
  let requests = 0;
  const server = http.createServer((request, response) => {
    current += 1;
    most = Math.max(most, current);
    requests += 1;
    const failing = failingAll || (failEvery > 0 && requests % failEvery === 0);
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        events: { webhookEventId: string; deliveryContext?: { isRedelivery?: boolean } }[];
      };
      setTimeout(() => {
        for (const event of body.events) {
          received.push(event.webhookEventId);
          if (event.deliveryContext?.isRedelivery) redelivered.push(event.webhookEventId);
        }
        current -= 1;
        response.writeHead(failing ? 500 : 200, { "content-type": "application/json" });
        response.end("{}");
      }, delayMs);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhook`,
    received,
    redelivered,
    setFailing: (on) => {
      failingAll = on;
    },
    maxConcurrent: () => most,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
