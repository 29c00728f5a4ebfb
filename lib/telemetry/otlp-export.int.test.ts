// The attempts' spans leave a real `npm run worker` for an OTLP collector named by the standard
// environment variables (here a collector of our own on 127.0.0.1, OTLP/HTTP with JSON).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { channelWithDemoBot } from "../dev/testing/channel-with-demo-bot";
import { useTestDatabase } from "../dev/testing/test-database";
import { startWorker } from "../dev/testing/worker-process";
import { enqueueEvents } from "../events/enqueue-events";

interface OtlpSpan {
  name: string;
  attributes: { key: string; value: Record<string, unknown> }[];
}
interface OtlpBody {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

describe("OTLP export from a worker", () => {
  const database = useTestDatabase("sqlite");
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  async function collector() {
    const bodies: OtlpBody[] = [];
    const server = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        if (request.url === "/v1/traces") bodies.push(JSON.parse(Buffer.concat(chunks).toString()));
        response.writeHead(200, { "content-type": "application/json" });
        response.end("{}");
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    stops.push(() => new Promise((resolve) => server.close(() => resolve())));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies };
  }

  it("sends each attempt's span to OTEL_EXPORTER_OTLP_ENDPOINT", { timeout: 60_000 }, async () => {
    const { db, config } = database();
    const otlp = await collector();
    const { channel } = await channelWithDemoBot(db, {
      mode: "error500",
      onCleanup: (close) => stops.push(close),
    });
    const worker = await startWorker(config, {
      OTEL_EXPORTER_OTLP_ENDPOINT: otlp.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: "http/json",
      OTEL_BSP_SCHEDULE_DELAY: "100",
      OTEL_SERVICE_NAME: "dispatcher-under-test",
    });
    stops.push(async () => {
      worker.child.kill("SIGTERM");
      await worker.exited;
    });
    await enqueueEvents(db, channel.id, { text: "traced" });

    const spans = () =>
      otlp.bodies.flatMap((body) =>
        body.resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((s) => s.spans)),
      );
    await expect
      .poll(() => spans().filter((span) => span.name === "webhook.attempt").length, {
        timeout: 20_000,
      })
      .toBe(1);
    const attempt = spans().find((span) => span.name === "webhook.attempt") as OtlpSpan;
    const attribute = (key: string) => attempt.attributes.find((entry) => entry.key === key)?.value;
    expect(attribute("webhook.failure.reason")).toEqual({ stringValue: "error_status_code" });
    expect(attribute("webhook.channel_id")).toEqual({ stringValue: channel.id });
    expect(spans().map((span) => span.name)).toEqual(
      expect.arrayContaining(["webhook.connect", "webhook.response"]),
    );
    const service = otlp.bodies[0]?.resourceSpans[0]?.resource.attributes.find(
      (entry) => entry.key === "service.name",
    );
    expect(service?.value.stringValue).toBe("dispatcher-under-test");
  });
});
