// The attempts' OpenTelemetry spans, in process with an in-memory exporter: one span per attempt
// with its phases as children and LINE's classification; none while tracing is off.
import { trace } from "@opentelemetry/api";
import { tracing } from "@opentelemetry/sdk-node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { channelWithDemoBot } from "../dev/testing/channel-with-demo-bot";
import { outcomeChannels } from "../dev/testing/outcome-channels";
import { useTestDatabase } from "../dev/testing/test-database";
import { testDispatcher } from "../dev/testing/test-dispatcher";
import { enqueueEvents } from "../events/enqueue-events";
import { setAttemptTracing } from "./attempt-span";

describe("the attempts' spans", () => {
  const database = useTestDatabase("sqlite");
  const exporter = new tracing.InMemorySpanExporter();
  const provider = new tracing.BasicTracerProvider({
    spanProcessors: [new tracing.SimpleSpanProcessor(exporter)],
  });
  const stops: (() => Promise<void>)[] = [];
  beforeAll(() => {
    trace.setGlobalTracerProvider(provider);
  });
  afterAll(async () => {
    setAttemptTracing(false);
    trace.disable();
    await provider.shutdown();
  });
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
    exporter.reset();
  });

  it("makes one span per attempt, its phases as children, failures with reason and detail", async () => {
    const { db, config } = database();
    const { ok, failing, unreachable } = await outcomeChannels(db, (close) => stops.push(close));
    setAttemptTracing(true);
    await enqueueEvents(db, ok.id, { text: "fine" });
    await enqueueEvents(db, failing.id, { text: "500" });
    await enqueueEvents(db, unreachable.id, { text: "nobody" });
    const dispatcher = testDispatcher({ database: config, thread: false }, stops);
    await dispatcher.start();
    await dispatcher.whenIdle();

    const spans = exporter.getFinishedSpans();
    const attempts = spans.filter((span) => span.name === "webhook.attempt");
    expect(attempts).toHaveLength(3);
    const of = (channelId: string) => {
      const span = attempts.find((s) => s.attributes["webhook.channel_id"] === channelId);
      if (!span) throw new Error(`no span for ${channelId}`);
      return span;
    };
    const children = (parent: (typeof spans)[number]) =>
      spans
        .filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId)
        .map((span) => span.name);

    const delivered = of(ok.id);
    expect(delivered.status.code).toBe(0);
    expect(delivered.attributes).toMatchObject({
      "http.response.status_code": 200,
      "webhook.attempt_number": 1,
      "webhook.is_redelivery": false,
      "server.address": "127.0.0.1",
    });
    expect(children(delivered)).toEqual(["webhook.connect", "webhook.response"]);

    const refusedBy500 = of(failing.id);
    expect(refusedBy500.status).toEqual({ code: 2, message: "error_status_code: 500" });
    expect(refusedBy500.attributes).toMatchObject({
      "webhook.failure.reason": "error_status_code",
      "webhook.failure.detail": "500",
    });

    const notConnected = of(unreachable.id);
    expect(notConnected.attributes).toMatchObject({
      "webhook.failure.reason": "could_not_connect",
      "webhook.failure.detail": "Connection failed",
    });
    expect(notConnected.attributes["http.response.status_code"]).toBeUndefined();
    // The URL's path and query are not in any span: they may hold a bot's secret.
    for (const span of spans) expect(JSON.stringify(span.attributes)).not.toContain("/webhook");
  });

  it("makes none while tracing is off", async () => {
    const { db, config } = database();
    const ok = await channelWithDemoBot(db, {
      mode: "ok",
      onCleanup: (close) => stops.push(close),
    });
    setAttemptTracing(false);
    await enqueueEvents(db, ok.channel.id, { text: "untraced" });
    const dispatcher = testDispatcher({ database: config, thread: false }, stops);
    await dispatcher.start();
    await dispatcher.whenIdle();
    expect(exporter.getFinishedSpans()).toEqual([]);
  });
});
