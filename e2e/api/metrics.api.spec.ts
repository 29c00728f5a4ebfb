// The console's /metrics through the real server: its own request durations (timed by
// scripts/serve.mjs), its dispatcher process's attempts (asked over IPC) and the database's
// queue, for the holder of METRICS_TOKEN only. The exact counts per reason and detail are
// checked where nothing else sends meanwhile: lib/metrics/metrics.int.test.ts.
import { sendSuccessThen500 } from "../../lib/dev/testing/delivery-mix";
import {
  parsePrometheusText,
  type Samples,
  sample,
  seriesOf,
} from "../../lib/dev/testing/prometheus-text";
import { SCRAPE_REFUSED_MESSAGE } from "../../lib/metrics/scrape-access";
import { expect, test } from "../fixtures";
import { E2E_METRICS_TOKEN } from "../support/metrics-token";

const failed500 = (samples: Samples) =>
  sample(samples, "webhook_console_attempt_failures_total", {
    reason: "error_status_code",
    detail: "500",
  }) ?? 0;
const attempts = (samples: Samples) => sample(samples, "webhook_console_attempts_total") ?? 0;

test("GET /metrics serves the console's, its dispatcher's and the database's metrics to the token's holder", async ({
  request,
  api,
  freshChannel: { channel },
  demoBot,
}) => {
  const wrongToken = { authorization: "Bearer not-the-metrics-token" };
  for (const headers of [{} as Record<string, string>, wrongToken]) {
    const refused = await request.get("/metrics", { headers });
    expect(refused.status()).toBe(401);
    expect(await refused.json()).toEqual({ message: SCRAPE_REFUSED_MESSAGE });
  }
  const notAllowed = await request.post("/metrics", { data: {} });
  expect(notAllowed.status()).toBe(405);
  expect(notAllowed.headers().allow).toBe("GET, HEAD, OPTIONS");

  const scrape = async () => {
    const answer = await request.get("/metrics", {
      headers: { authorization: `Bearer ${E2E_METRICS_TOKEN}` },
    });
    expect(answer.status()).toBe(200);
    expect(answer.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
    return parsePrometheusText(await answer.text());
  };
  const before = await scrape();
  await sendSuccessThen500(api, channel.id, demoBot);
  const after = await scrape();

  // Other specs send meanwhile: at least this test's attempts were added.
  expect(attempts(after) - attempts(before)).toBeGreaterThanOrEqual(2);
  expect(failed500(after) - failed500(before)).toBeGreaterThanOrEqual(1);
  expect(sample(after, "webhook_console_queued_webhooks", { state: "sending" })).toBeDefined();

  // Request durations by route pattern, never by the path with its ids.
  const requests = seriesOf(after, "webhook_console_http_request_duration_seconds_count");
  const deliveriesRoute = 'route="/api/channels/[channelId]/deliveries"';
  expect(requests.some(([key]) => key.includes(deliveriesRoute))).toBe(true);
  expect(requests.some(([key]) => key.includes(channel.id))).toBe(false);
});
