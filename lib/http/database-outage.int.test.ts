// Requests while PostgreSQL is down: an outage, not a bug. The events route, a signed-in read and
// readiness answer 503 with Retry-After and the usual error body, never 500; once the server is
// back they answer as before, without a restart. Route handlers on a PostgreSQL cluster of the
// test's own, which it stops and starts again.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { POST as postEvents } from "../../app/api/channels/[channelId]/events/route";
import { GET as getReady } from "../../app/api/health/ready/route";
import { GET as getProviders } from "../../app/api/providers/route";
import { issueChannelAccessToken } from "../access-tokens/issue-channel-access-token";
import { createAuth } from "../auth/auth";
import { createOperator } from "../auth/operators";
import { SESSION_CACHE_MS, SessionCache } from "../auth/session-cache";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import { createDbClient, type Db } from "../db/client";
import { resolveDatabaseConfig } from "../db/config";
import { migrate } from "../db/migrate";
import type { SqlConnection } from "../db/sql";
import { openSqlConnection } from "../db/sql-driver";
import { type PostgresServer, startPostgresServer } from "../dev/testing/postgres-server";
import { processWide, signIn, TEST_ORIGIN } from "../dev/testing/route-handles";
import { createProvider } from "../providers/create-provider";

const ORIGIN = TEST_ORIGIN;
const SECRET = "a-test-secret-that-is-long-enough-0123456789";
const EMAIL = "outage@example.com";

const saved = {
  webhookConsoleDb: processWide.webhookConsoleDb,
  webhookConsoleSql: processWide.webhookConsoleSql,
  webhookConsoleAuth: processWide.webhookConsoleAuth,
  webhookConsoleSessions: processWide.webhookConsoleSessions,
};

let server: PostgresServer;
let db: Db;
let sql: SqlConnection;

beforeAll(async () => {
  server = await startPostgresServer();
  const config = resolveDatabaseConfig(server.url);
  await migrate(config);
  db = createDbClient(config);
  sql = openSqlConnection(config);
  processWide.webhookConsoleDb = db;
  processWide.webhookConsoleSql = sql;
  processWide.webhookConsoleAuth = createAuth(db, config, { origins: [ORIGIN], secret: SECRET });
  processWide.webhookConsoleSessions = new SessionCache(SESSION_CACHE_MS);
}, 60_000);

afterAll(async () => {
  Object.assign(processWide, saved);
  await sql?.close();
  await db?.$disconnect();
  server?.stop();
});

it("answers 503 with Retry-After while PostgreSQL is down, and serves again once it is back", {
  timeout: 90_000,
}, async () => {
  const auth = processWide.webhookConsoleAuth as ReturnType<typeof createAuth>;
  const operator = await createOperator(auth, { email: EMAIL });
  if (!operator) throw new Error("operator exists");
  const provider = await createProvider(db, { name: "Outage" }, EMAIL, operator.userId);
  const { id: channelId } = await createChannel(db, provider.id, { name: "Bot" }, EMAIL);
  await updateChannel(
    db,
    channelId,
    { webhookUrl: "https://bot.example/", useWebhook: true },
    EMAIL,
  );
  const { accessToken } = await issueChannelAccessToken(db, channelId, EMAIL);
  const cookie = await signIn(auth, EMAIL, operator.password);
  const providers = () =>
    getProviders(new Request(`${ORIGIN}/api/providers`, { headers: { cookie } }), {
      params: Promise.resolve({}),
    });
  const post = () =>
    postEvents(
      new Request(`${ORIGIN}/api/channels/${channelId}/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
        body: JSON.stringify({
          events: [{ type: "message", message: { type: "text", text: "hi" } }],
        }),
      }),
      { params: Promise.resolve({ channelId }) },
    );
  const ready = () =>
    getReady(new Request(`${ORIGIN}/api/health/ready`), { params: Promise.resolve({}) });
  expect((await providers()).status).toBe(200);
  expect((await post()).status).toBe(202);
  expect((await ready()).status).toBe(200);

  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  server.halt();
  try {
    // A signed-in read (its session read from the database, the cache emptied), the events
    // route (its token is read first) and readiness.
    processWide.webhookConsoleSessions = new SessionCache(SESSION_CACHE_MS);
    for (const [name, call] of [
      ["GET /api/providers", providers],
      ["POST …/events", post],
      ["GET /api/health/ready", ready],
    ] as const) {
      const response = await call();
      expect(response.status, name).toBe(503);
      expect(response.headers.get("retry-after"), name).toBe("5");
      if (name !== "GET /api/health/ready") {
        expect(await response.json(), name).toEqual({
          message: "The database is unavailable at the moment; try again shortly.",
        });
      }
    }
    const outages = logged.mock.calls.map((call) => String(call[0]));
    expect(outages.some((line) => line.startsWith("Database unavailable"))).toBe(true);
    expect(outages.some((line) => line.startsWith("Unhandled error"))).toBe(false);
  } finally {
    server.resume();
    logged.mockRestore();
  }

  await expect.poll(async () => (await providers()).status, { timeout: 20_000 }).toBe(200);
  expect((await post()).status).toBe(202);
  expect((await ready()).status).toBe(200);
});
