// A worker's /metrics as Prometheus scrapes it: the real `npm run worker` process, its port and
// token from the environment, its counts after attempts it made.
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "../db/client";
import { channelWithDemoBot } from "../dev/testing/channel-with-demo-bot";
import { freePort } from "../dev/testing/free-port";
import { parsePrometheusText, sample } from "../dev/testing/prometheus-text";
import { useTestDatabase } from "../dev/testing/test-database";
import { startWorker } from "../dev/testing/worker-process";
import { enqueueEvents } from "../events/enqueue-events";
import { serveWorkerEndpoints } from "./worker-endpoints";

const TOKEN = "worker-metrics-token-for-tests";
describe("a worker's /metrics", () => {
  const database = useTestDatabase("sqlite");
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  async function failingChannel(db: Db) {
    return channelWithDemoBot(db, { mode: "error500", onCleanup: (close) => stops.push(close) });
  }

  it("serves its metrics on WORKER_METRICS_PORT to the token's holder only", {
    timeout: 60_000,
  }, async () => {
    const { db, config } = database();
    const port = await freePort();
    const worker = await startWorker(config, {
      WORKER_METRICS_PORT: String(port),
      // The same port: one server answers both.
      WORKER_HEALTH_PORT: String(port),
      METRICS_TOKEN: TOKEN,
    });
    stops.push(async () => {
      worker.child.kill("SIGTERM");
      await worker.exited;
    });
    const url = `http://127.0.0.1:${port}/metrics`;
    const { channel } = await failingChannel(db);
    await enqueueEvents(db, channel.id, { text: "one" });
    await enqueueEvents(db, channel.id, { text: "two" });

    for (const authorization of [undefined, "Bearer not-the-token-at-all", `Basic ${TOKEN}`]) {
      const refused = await fetch(url, { headers: authorization ? { authorization } : {} });
      expect(refused.status).toBe(401);
      expect(refused.headers.get("www-authenticate")).toBe("Bearer");
      expect(await refused.text()).not.toContain("webhook_console_");
    }

    const scrape = async () => {
      const answer = await fetch(url, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(answer.status).toBe(200);
      expect(answer.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      return parsePrometheusText(await answer.text());
    };
    await expect
      .poll(async () =>
        sample(await scrape(), "webhook_console_attempt_failures_total", {
          reason: "error_status_code",
          detail: "500",
        }),
      )
      .toBe(2);
    const samples = await scrape();
    expect(sample(samples, "webhook_console_attempts_total")).toBe(2);
    expect(sample(samples, "webhook_console_queued_webhooks", { state: "pending" })).toBe(0);
    // Node's own, beside the console's.
    expect(sample(samples, "process_cpu_user_seconds_total")).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
  });

  it("answers 404 for /metrics while METRICS_TOKEN is unset", async () => {
    // The worker's own server (the process around it is the test above's).
    const { db } = database();
    const port = await freePort();
    const servers = await serveWorkerEndpoints(db, {
      healthPort: null,
      metricsPort: port,
      metricsToken: null,
      hostname: "127.0.0.1",
    });
    stops.push(async () => {
      for (const server of servers) server.close();
    });
    const answer = await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(answer.status).toBe(404);
    expect(await answer.json()).toEqual({
      message: "Metrics are off: set METRICS_TOKEN to serve them",
    });
  });
});
