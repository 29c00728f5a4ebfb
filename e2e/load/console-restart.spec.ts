// The console going away in the middle of a burst loses nothing: killed (SIGKILL) and started
// again, or stopped (SIGTERM, which must exit 0), every event it accepted (202) reaches the bot.
// Its dispatcher process hears the console go and stops cleanly (lib/boot/boot-worker.ts); the
// next console's dispatcher sends what is left. A console of its own, on a SQLite file of its own.
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { type ConsoleProcess, startConsole } from "../../lib/dev/testing/console-process";
import { type CountingBot, startCountingBot } from "../../lib/dev/testing/counting-bot";
import { freePort } from "../../lib/dev/testing/free-port";
import { scratchDir } from "../../lib/dev/testing/scratch-dir";
import { createOperator, expect, signedInRequest, test } from "../fixtures";
import { ConsoleApi } from "../support/console-api";

const PER_PHASE = 600;
const PER_SECOND = 150;

test("a console killed or stopped during a burst loses no accepted event", async ({
  playwright,
}) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(scratchDir(), "console-restart-"));
  const databaseUrl = `file:${path.join(dir, "console.db")}`;
  const port = await freePort();
  const env = {
    DATABASE_URL: databaseUrl,
    WEBHOOK_URL_REQUIRE_HTTPS: "false",
    WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
    SIGN_IN_LIMIT_PER_MINUTE: "600",
    // A short lease: were the dispatcher process killed with its console, its claims come back
    // soon.
    WEBHOOK_LEASE_MS: "3000",
    WEBHOOK_POLL_INTERVAL_MS: "200",
  };
  const start = () => startConsole(env, { port });
  let console_: ConsoleProcess | null = await start();
  let bot: CountingBot | null = null;
  try {
    bot = await startCountingBot({ delayMs: 20 });
    const operator = await createOperator(
      `restart-${Date.now().toString(36)}@e2e.test`,
      databaseUrl,
    );
    const request = await signedInRequest(playwright, console_.url, operator);
    const api = new ConsoleApi(request);
    const provider = await api.createProvider("Restarts");
    const channel = await api.createChannel(provider.id, "Burst");
    await api.pointAt(channel.id, { url: bot.url.replace(/\/webhook$/, "") });

    const accepted: string[] = [];
    /** Posts PER_PHASE events at PER_SECOND; `midway` runs once half are posted. */
    const burst = async (phase: string, midway: () => Promise<void>) => {
      const started = performance.now();
      const posts: Promise<void>[] = [];
      for (let i = 0; i < PER_PHASE; i++) {
        const wait = started + (i * 1000) / PER_SECOND - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        if (i === PER_PHASE / 2) await midway();
        posts.push(
          request
            .post(`/api/channels/${channel.id}/events`, { data: { text: `${phase} ${i}` } })
            .then(async (response) => {
              if (response.status() === 202) {
                accepted.push(
                  ...((await response.json()) as { webhookEventIds: string[] }).webhookEventIds,
                );
              }
            })
            // Refused connections while the console is down: not accepted, nothing to deliver.
            .catch(() => {}),
        );
      }
      await Promise.all(posts);
    };
    const everyAcceptedReached = async () => {
      await expect
        .poll(() => accepted.filter((id) => !bot?.received.includes(id)).length, {
          timeout: 60_000,
          message: "accepted events not received by the bot",
        })
        .toBe(0);
    };

    await test.step("SIGKILL mid-burst, then a new console", async () => {
      await burst("killed", async () => {
        console_?.child.kill("SIGKILL");
        await console_?.exited;
        console_ = await start();
      });
      await everyAcceptedReached();
    });

    await test.step("SIGTERM mid-burst exits 0, then a new console", async () => {
      let exitCode: number | null = -1;
      await burst("stopped", async () => {
        console_?.child.kill("SIGTERM");
        exitCode = (await console_?.exited) ?? null;
        console_ = await start();
      });
      expect(exitCode).toBe(0);
      await everyAcceptedReached();
    });

    // Something was accepted on each side of each stop, and all of it arrived.
    expect(accepted.length).toBeGreaterThan(PER_PHASE);
    expect(new Set(bot.received).size).toBeGreaterThanOrEqual(accepted.length);
    await request.dispose();
  } finally {
    console_?.child.kill("SIGTERM");
    await console_?.exited;
    await bot?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
