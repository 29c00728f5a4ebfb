// The hot requests' query budget (ADR 23), through the route handlers themselves on a real
// database: what a signed-in read and a token's POST …/events cost in statements on the driver and
// in Prisma calls, so that a feature adding a query to them fails here rather than waiting for a
// benchmark. And the session cache's promise: revocation takes effect at once on this server,
// and within SESSION_CACHE_MS when made where this server cannot see it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { POST as postEvents } from "../../app/api/channels/[channelId]/events/route";
import { GET as getChannelRoute } from "../../app/api/channels/[channelId]/route";
import { GET as getProviders } from "../../app/api/providers/route";
import { issueChannelAccessToken } from "../access-tokens/issue-channel-access-token";
import { CLIENT_ADDRESS_HEADER, createAuth } from "../auth/auth";
import { createOperator } from "../auth/operators";
import { SESSION_CACHE_MS, SessionCache } from "../auth/session-cache";
import { createChannel } from "../channels/create-channel";
import { updateChannel } from "../channels/update-channel";
import type { Db } from "../db/client";
import type { SqlConnection } from "../db/sql";
import { openSqlConnection } from "../db/sql-driver";
import { joinProvider } from "../dev/testing/join-provider";
import { processWide, saveProcessWide, signIn, TEST_ORIGIN } from "../dev/testing/route-handles";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { removeMember } from "../members/manage-members";
import { createProvider } from "../providers/create-provider";

/** The budgets ADR 23 and 24 state: statements on the request's driver connection, per request. */
const BUDGET = {
  /** The access row and the list. */
  providers: 1,
  channel: 2,
  /**
   * The token (with its channel's provider), then on SQLite BEGIN, the webhooks, their events'
   * ids, COMMIT; on PostgreSQL the webhooks and their ids in one statement.
   */
  events: { sqlite: 5, postgres: 2 },
};

const ORIGIN = TEST_ORIGIN;
const SECRET = "a-test-secret-that-is-long-enough-0123456789";

/**
 * The client, counting every Prisma call made through it: model queries (as Better Auth's
 * adapter makes them), raw queries and transactions.
 */
function countingClient(db: Db): { client: Db; calls: () => number } {
  let calls = 0;
  const counted =
    (target: object, method: (...args: unknown[]) => unknown) =>
    (...args: unknown[]) => {
      calls++;
      return method.apply(target, args);
    };
  const delegate = (model: object) =>
    new Proxy(model, {
      get(target, key) {
        const value = Reflect.get(target, key);
        return typeof value === "function" ? counted(target, value) : value;
      },
    });
  const client = new Proxy(db, {
    get(target, key) {
      const value = Reflect.get(target, key);
      if (typeof key === "string" && /^\$(queryRaw|executeRaw|transaction)/.test(key)) {
        return counted(target, value);
      }
      if (typeof value === "function") return value.bind(target);
      return value !== null && typeof value === "object" ? delegate(value) : value;
    },
  });
  return { client, calls: () => calls };
}

describe.each(TEST_PROVIDERS)("the hot requests' budget, on %s", (provider) => {
  const database = useTestDatabase(provider, { scope: "all" });
  let now = Date.now();
  let prisma: ReturnType<typeof countingClient>;
  let sql: SqlConnection;
  let auth: ReturnType<typeof createAuth>;
  const restoreProcessWide = saveProcessWide();

  beforeAll(() => {
    const { db, config } = database();
    prisma = countingClient(db);
    sql = openSqlConnection(config);
    auth = createAuth(prisma.client, config, { origins: [ORIGIN], secret: SECRET });
    processWide.webhookConsoleDb = prisma.client;
    processWide.webhookConsoleSql = sql;
    processWide.webhookConsoleAuth = auth;
  });

  beforeEach(() => {
    // A clock of the test's own, so that "within the bound" and "after it" are exact.
    processWide.webhookConsoleSessions = new SessionCache(SESSION_CACHE_MS, () => now);
  });

  afterAll(async () => {
    await sql.close();
    restoreProcessWide();
  });

  /** An Admin of a provider with a channel that sends (to an address never reached here). */
  async function setUp(email: string) {
    const { db } = database();
    const operator = await createOperator(auth, { email });
    if (!operator) throw new Error("operator exists");
    const owned = await createProvider(db, { name: "Budget" }, email, operator.userId);
    const channel = await createChannel(db, owned.id, { name: "Bot" }, email);
    await updateChannel(
      db,
      channel.id,
      { webhookUrl: "https://bot.example/", useWebhook: true },
      email,
    );
    const { accessToken } = await issueChannelAccessToken(db, channel.id, email);
    const cookie = await signIn(auth, email, operator.password);
    return { ...operator, providerId: owned.id, channelId: channel.id, accessToken, cookie };
  }

  /** A request's status and what it cost. */
  async function measured(call: () => Promise<Response>) {
    const [statements, prismaCalls] = [sql.statements, prisma.calls()];
    const response = await call();
    return {
      status: response.status,
      statements: sql.statements - statements,
      prismaCalls: prisma.calls() - prismaCalls,
    };
  }

  const asOperator = (cookie: string) => ({ headers: { cookie } });
  const providers = (cookie: string) =>
    getProviders(new Request(`${ORIGIN}/api/providers`, asOperator(cookie)), {
      params: Promise.resolve({}),
    });
  const channel = (cookie: string, channelId: string) =>
    getChannelRoute(new Request(`${ORIGIN}/api/channels/${channelId}`, asOperator(cookie)), {
      params: Promise.resolve({ channelId }),
    });

  it("a signed-in read: Better Auth's reads once, then one or two statements and no Prisma call", async () => {
    const { cookie, channelId } = await setUp("reads@example.com");
    const first = await measured(() => providers(cookie));
    expect(first).toMatchObject({ status: 200, statements: BUDGET.providers });
    // The session and its user, read by Better Auth once.
    expect(first.prismaCalls).toBeGreaterThan(0);
    expect(first.prismaCalls).toBeLessThanOrEqual(2);
    for (let i = 0; i < 3; i++) {
      expect(await measured(() => providers(cookie))).toEqual({
        status: 200,
        statements: BUDGET.providers,
        prismaCalls: 0,
      });
      expect(await measured(() => channel(cookie, channelId))).toEqual({
        status: 200,
        statements: BUDGET.channel,
        prismaCalls: 0,
      });
    }
  });

  it("POST …/events with a token: the same statements for one event and for a thousand, no Prisma call", async () => {
    const { channelId, accessToken } = await setUp("events@example.com");
    const post = (body: unknown) =>
      postEvents(
        new Request(`${ORIGIN}/api/channels/${channelId}/events`, {
          method: "POST",
          headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
          body: JSON.stringify(body),
        }),
        { params: Promise.resolve({ channelId }) },
      );
    const text = (i: number) => ({ type: "message", message: { type: "text", text: `m${i}` } });
    expect(await measured(() => post({ events: [text(0)] }))).toEqual({
      status: 202,
      statements: BUDGET.events[provider],
      prismaCalls: 0,
    });
    const bulk = Array.from({ length: 1000 }, (_, i) => text(i));
    expect(await measured(() => post(bulk))).toEqual({
      status: 202,
      statements: BUDGET.events[provider],
      prismaCalls: 0,
    });
    const { db } = database();
    expect(await db.webhook.count({ where: { channelId } })).toBe(1001);
    expect(await db.webhookEvent.count()).toBeGreaterThanOrEqual(1001);
  });

  it("revocation: sign-out at once; a session deleted elsewhere within the cache's bound", async () => {
    const { cookie, email, password } = await setUp("revoked@example.com");
    expect((await providers(cookie)).status).toBe(200);

    // Signing out through this server: refused from the next request.
    const signOut = await auth.handler(
      new Request(`${ORIGIN}/api/auth/sign-out`, {
        method: "POST",
        headers: { cookie, origin: ORIGIN, [CLIENT_ADDRESS_HEADER]: "192.0.2.1" },
      }),
    );
    expect(signOut.status).toBe(200);
    expect((await providers(cookie)).status).toBe(401);

    // A session ended where this server cannot see it (another console process, a script):
    // honoured until the bound, refused after it.
    const again = await signIn(auth, email, password);
    expect((await providers(again)).status).toBe(200);
    await database().db.session.deleteMany({});
    now += SESSION_CACHE_MS - 1;
    expect((await providers(again)).status).toBe(200);
    now += 1;
    expect((await providers(again)).status).toBe(401);
  });

  it("revocation: a password change ends the other sessions, a removal the member's access, at once", async () => {
    const admin = await setUp("admin@example.com");
    const colleague = await createOperator(auth, { email: "colleague@example.com" });
    if (!colleague) throw new Error("operator exists");
    const { db } = database();
    await joinProvider(db, admin.providerId, colleague, "member", admin.email);
    const elsewhere = await signIn(auth, colleague.email, colleague.password);
    const here = await signIn(auth, colleague.email, colleague.password);
    expect((await channel(elsewhere, admin.channelId)).status).toBe(200);

    const changed = await auth.handler(
      new Request(`${ORIGIN}/api/auth/change-password`, {
        method: "POST",
        headers: {
          cookie: here,
          origin: ORIGIN,
          "content-type": "application/json",
          [CLIENT_ADDRESS_HEADER]: "192.0.2.1",
        },
        body: JSON.stringify({
          currentPassword: colleague.password,
          newPassword: "a-new-password-for-the-test",
          revokeOtherSessions: true,
        }),
      }),
    );
    expect(changed.status).toBe(200);
    expect((await channel(elsewhere, admin.channelId)).status).toBe(401);

    const fresh = await signIn(auth, colleague.email, "a-new-password-for-the-test");
    expect((await channel(fresh, admin.channelId)).status).toBe(200);
    await removeMember(db, admin.providerId, colleague.userId, admin.email);
    expect((await channel(fresh, admin.channelId)).status).toBe(404);
  });
});
