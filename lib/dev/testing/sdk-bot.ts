// A bot behind the official SDK's webhook middleware (it checks the signature), for tests of
// what the dispatcher sends: it records every event it takes and answers 500 the first
// `failures` times.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { middleware, type webhook } from "@line/bot-sdk";

export interface Received {
  /** The event's type and source type as the SDK parsed them. */
  type: string;
  sourceType: string | undefined;
  webhookEventId: string;
  timestamp: number;
  isRedelivery: boolean;
}

/** A bot using @line/bot-sdk's middleware (signature check) that answers 500 `failures` times. */
export async function sdkBot(channelSecret: string, failures: number) {
  const received: Received[] = [];
  const rejected: unknown[] = [];
  const check = middleware({ channelSecret });
  const server = http.createServer((request, response) => {
    check(request as never, response as never, (error?: unknown) => {
      if (error) {
        rejected.push(error);
        response.writeHead(401).end();
        return;
      }
      const body = (request as unknown as { body: webhook.CallbackRequest }).body;
      for (const event of body.events) {
        received.push({
          type: event.type,
          sourceType: event.source?.type,
          webhookEventId: event.webhookEventId,
          timestamp: event.timestamp,
          isRedelivery: event.deliveryContext.isRedelivery,
        });
      }
      response.writeHead(received.length <= failures ? 500 : 200).end("{}");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`,
    received,
    rejected,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
