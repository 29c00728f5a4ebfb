// LINE's 2 seconds hold under load: while one channel takes a burst of 3,000 events at about 180
// a second, bots of three other channels answer in 1.5 s, 1.8 s and 2.3 s (their real delays
// measured by the bots, in a process of their own). Every answer that came in time is a success,
// every late one a request_timeout, every time: the console's dispatcher runs in its own process
// and records on its own thread, so nothing the web server does delays reading an answer
// (docs/adr/0017-the-database-off-the-sending-thread.md). Its own Playwright project, run alone.
import { type ChildProcess, fork } from "node:child_process";
import { Agent, request as undiciRequest } from "undici";
import { expect, test } from "../fixtures";
import type { ConsoleApi, Delivery } from "../support/console-api";

const BURST = 3000;
const PER_SECOND = 180;
const SLOW_EACH = 30;
const DELAYS = { inTime: 1500, justInTime: 1800, late: 2300 } as const;
/** An answer this far ahead of the 2 s limit must count as a success. */
const MARGIN_MS = 150;

interface Bots {
  child: ChildProcess;
  ports: Record<string, number>;
  report(): Promise<Record<string, number[]>>;
}

async function startBots(delays: number[]): Promise<Bots> {
  const child = fork("e2e/support/delayed-bots.mjs", delays.map(String), { stdio: "inherit" });
  const ports = await new Promise<Record<string, number>>((resolve) =>
    child.once("message", (message: { ports: Record<string, number> }) => resolve(message.ports)),
  );
  return {
    child,
    ports,
    report: () =>
      new Promise((resolve) => {
        child.once("message", (message: { report: Record<string, number[]> }) =>
          resolve(message.report),
        );
        child.send("report");
      }),
  };
}

/** Every attempt of the channel, paging the deliveries API (newest first, 200 a page). */
async function allDeliveries(api: ConsoleApi, channelId: string): Promise<Delivery[]> {
  const all: Delivery[] = [];
  let before: string | undefined;
  for (;;) {
    const page = await api.deliveries(channelId, { limit: 200, ...(before ? { before } : {}) });
    all.push(...page.deliveries);
    const last = page.deliveries.at(-1);
    if (page.deliveries.length < 200 || !last) return all;
    before = last.id;
  }
}

test("answers within 2 s are successes while the console takes a burst", async ({
  api,
  request,
  uniqueName,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const bots = await startBots([0, DELAYS.inTime, DELAYS.justInTime, DELAYS.late]);
  try {
    const provider = await api.createProvider(uniqueName("Load"));
    const channelFor = async (name: string, delay: number) => {
      const channel = await api.createChannel(provider.id, uniqueName(name));
      await api.pointAt(channel.id, { url: `http://127.0.0.1:${bots.ports[delay]}` });
      return channel.id;
    };
    const busy = await channelFor("Busy", 0);
    const slow = {
      [DELAYS.inTime]: await channelFor("Answers in 1.5 s", DELAYS.inTime),
      [DELAYS.justInTime]: await channelFor("Answers in 1.8 s", DELAYS.justInTime),
      [DELAYS.late]: await channelFor("Answers in 2.3 s", DELAYS.late),
    };

    // The burst, paced at PER_SECOND at most; every 100th event also one to each slow channel
    // (30 each, spread over the whole burst; the last a hundred events before its end).
    const started = performance.now();
    const burstStartedAt = Date.now();
    const posts: Promise<unknown>[] = [];
    // Kept-open connections, as a busy client would use; Playwright's request opens one per
    // request.
    const pool = new Agent({ connections: 16 });
    const { cookies } = await request.storageState();
    const headers = {
      cookie: cookies.map(({ name, value }) => `${name}=${value}`).join("; "),
      origin: String(baseURL),
      "content-type": "application/json",
    };
    const post = (channelId: string, text: string) =>
      undiciRequest(`${baseURL}/api/channels/${channelId}/events`, {
        method: "POST",
        headers,
        body: JSON.stringify({ text }),
        dispatcher: pool,
      }).then(async (response) => {
        await response.body.dump();
        expect(response.statusCode).toBe(202);
      });
    let slowSent = 0;
    for (let i = 0; i < BURST; i++) {
      const due = started + (i * 1000) / PER_SECOND;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      posts.push(post(busy, `burst ${i}`));
      if (i % Math.floor(BURST / SLOW_EACH) === 0 && slowSent < SLOW_EACH) {
        slowSent++;
        for (const channelId of Object.values(slow)) posts.push(post(channelId, `slow ${i}`));
      }
    }
    await Promise.all(posts);
    await pool.close();
    const burstSeconds = (performance.now() - started) / 1000;
    const burstEndedAt = Date.now();
    expect(slowSent).toBe(SLOW_EACH);
    const pace = BURST / burstSeconds;

    // Every webhook attempted once.
    await expect
      .poll(async () => (await allDeliveries(api, busy)).length, { timeout: 90_000 })
      .toBe(BURST);
    const outcomes: Record<string, Delivery[]> = {};
    for (const [delay, channelId] of Object.entries(slow)) {
      await expect
        .poll(async () => (await api.deliveries(channelId, { limit: 200 })).deliveries.length, {
          timeout: 30_000,
        })
        .toBe(SLOW_EACH);
      outcomes[delay] = (await api.deliveries(channelId, { limit: 200 })).deliveries;
    }

    // The bots' real delays: the in-time ones answered at least MARGIN_MS before the limit.
    const measured = await bots.report();
    const worst = (delay: number) => Math.max(...(measured[delay] ?? []));
    const best = (delay: number) => Math.min(...(measured[delay] ?? []));
    expect(measured[DELAYS.inTime]).toHaveLength(SLOW_EACH);
    expect(measured[DELAYS.justInTime]).toHaveLength(SLOW_EACH);
    // (A timer may fire up to a millisecond early by performance.now().)
    expect(best(DELAYS.inTime)).toBeGreaterThan(DELAYS.inTime - 1);
    expect(best(DELAYS.justInTime)).toBeGreaterThan(DELAYS.justInTime - 1);
    expect(worst(DELAYS.justInTime)).toBeLessThan(2000 - MARGIN_MS);
    expect(best(DELAYS.late)).toBeGreaterThan(DELAYS.late - 1);

    // Every slow webhook was sent while the burst was being taken in: the console was under the
    // load this is about when the answers came. (On 2 cores the console takes about 90 events a
    // second signed in, so the burst runs at its limit rather than at PER_SECOND.)
    for (const deliveries of Object.values(outcomes)) {
      for (const delivery of deliveries) {
        const sentAt = new Date(delivery.attemptedAt).getTime();
        expect(sentAt).toBeGreaterThanOrEqual(burstStartedAt);
        expect(sentAt).toBeLessThanOrEqual(burstEndedAt);
      }
    }

    const results = (delay: number) =>
      (outcomes[delay] ?? []).map((delivery) => (delivery.success ? "success" : delivery.reason));
    expect(results(DELAYS.inTime)).toEqual(Array(SLOW_EACH).fill("success"));
    expect(results(DELAYS.justInTime)).toEqual(Array(SLOW_EACH).fill("success"));
    expect(results(DELAYS.late)).toEqual(Array(SLOW_EACH).fill("request_timeout"));
    test.info().annotations.push({
      type: "measured",
      description: `burst ${Math.round(pace)}/s; bot delays at worst ${[DELAYS.inTime, DELAYS.justInTime, DELAYS.late].map((d) => Math.round(worst(d))).join(", ")} ms`,
    });
  } finally {
    bots.child.kill();
  }
});
