// The SQLite console on a filesystem that fills (a small tmpfs the test mounts, as root): events
// are refused with a clear 503 rather than accepted and lost, nothing hangs, readiness says not
// ready while writes fail, and once space returns every kind of write works again without a
// restart (a COMMIT that failed with SQLITE_FULL used to leave its lock held for good).
import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, unlinkSync, writeSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";
import { POST as postEvents } from "../../app/api/channels/[channelId]/events/route";
import { issueChannelAccessToken } from "../access-tokens/issue-channel-access-token";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import { createProvider } from "../providers/create-provider";
import { createDbClient, type Db } from "./client";
import type { DatabaseConfig } from "./config";
import { migrate } from "./migrate";
import { canWrite } from "./readiness";
import type { SqlConnection } from "./sql";
import { openSqlConnection } from "./sql-driver";

const ACTOR = "tester@example.com";
const ORIGIN = "http://127.0.0.1:3000";

/** What route handlers reach through process-wide handles (lib/db), set for the test. */
const processWide = globalThis as typeof globalThis & {
  webhookConsoleDb?: Db;
  webhookConsoleSql?: SqlConnection;
};

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Settles within `ms`, or says it hung. */
async function within<T>(ms: number, work: Promise<T>): Promise<T | "hung"> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<"hung">((resolve) => {
    timer = setTimeout(() => resolve("hung"), ms);
  });
  try {
    return await Promise.race([work, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/** Writes a file until the filesystem is full; returns its path. */
function fill(dir: string): string {
  const file = path.join(dir, "filler");
  const fd = openSync(file, "w");
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOSPC") throw error;
    // The last blocks, smaller than a chunk.
    try {
      for (;;) writeSync(fd, chunk.subarray(0, 512));
    } catch {}
  } finally {
    closeSync(fd);
  }
  return file;
}

it("a full disk refuses events with 503, hangs nothing, and writes work again once space returns", {
  timeout: 120_000,
}, async () => {
  const mount = mkdtempSync(path.join(os.tmpdir(), "full-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=12m", "tmpfs", mount]);
  } catch (error) {
    rmSync(mount, { recursive: true, force: true });
    throw new Error(`this test mounts a small tmpfs and needs root to: ${String(error)}`);
  }
  cleanups.push(() => rmSync(mount, { recursive: true, force: true }));
  cleanups.push(() => execFileSync("umount", ["-l", mount]));
  const config: DatabaseConfig = { provider: "sqlite", filePath: path.join(mount, "console.db") };
  await migrate(config);
  const db = createDbClient(config);
  const sql = openSqlConnection(config);
  const saved = { db: processWide.webhookConsoleDb, sql: processWide.webhookConsoleSql };
  processWide.webhookConsoleDb = db;
  processWide.webhookConsoleSql = sql;
  cleanups.push(async () => {
    processWide.webhookConsoleDb = saved.db;
    processWide.webhookConsoleSql = saved.sql;
    await sql.close();
    await db.$disconnect();
  });
  const provider = await createProvider(db, { name: "Full" }, ACTOR);
  const { id: channelId } = await createChannel(db, provider.id, { name: "Bot" }, ACTOR);
  await updateChannel(
    db,
    channelId,
    { webhookUrl: "https://bot.example/", useWebhook: true },
    ACTOR,
  );
  const { accessToken } = await issueChannelAccessToken(db, channelId, ACTOR);
  // A hundred events a request, each with a long text: the disk fills within a few requests.
  const post = () =>
    postEvents(
      new Request(`${ORIGIN}/api/channels/${channelId}/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
        body: JSON.stringify(
          Array.from({ length: 100 }, (_, i) => ({
            type: "message",
            message: { type: "text", text: `${i} ${"x".repeat(2000)}` },
          })),
        ),
      }),
      { params: Promise.resolve({ channelId }) },
    );
  expect(await canWrite(sql)).toBe(true);

  const filler = fill(mount);
  const accepted: string[] = [];
  let refused: Response | null = null;
  for (let i = 0; i < 200 && !refused; i++) {
    const response = await within(15_000, post());
    if (response === "hung") throw new Error("POST …/events hung on a full disk");
    if (response.status === 202) {
      accepted.push(...((await response.json()) as { webhookEventIds: string[] }).webhookEventIds);
    } else refused = response;
  }
  if (!refused) throw new Error("the disk never filled");
  expect(refused.status).toBe(503);
  expect(refused.headers.get("retry-after")).toBe("5");
  expect(await refused.json()).toEqual({
    message: "The database is unavailable at the moment; try again shortly.",
  });
  // Still full: refused again, promptly; readiness not ready; a settings change (Prisma's
  // transaction) fails or succeeds but does not hang.
  const again = await within(15_000, post());
  expect(again === "hung" ? again : again.status).toBe(503);
  expect(await within(5_000, canWrite(sql))).toBe(false);
  const setting = await within(
    15_000,
    updateChannel(db, channelId, { webhookRedelivery: true }, ACTOR).then(
      () => "saved",
      () => "refused",
    ),
  );
  expect(setting).not.toBe("hung");

  unlinkSync(filler);

  // Space is back: every kind of write works, without a restart.
  const after = await within(15_000, post());
  expect(after === "hung" ? after : after.status).toBe(202);
  expect(
    await within(
      15_000,
      updateChannel(db, channelId, { webhookRedelivery: false }, ACTOR).then(() => "saved"),
    ),
  ).toBe("saved");
  expect(await canWrite(sql)).toBe(true);
  // No 202 for an event that was not stored.
  expect(await db.webhookEvent.count({ where: { webhookEventId: { in: accepted } } })).toBe(
    accepted.length,
  );
});
