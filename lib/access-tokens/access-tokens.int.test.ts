import { describe, expect, it } from "vitest";
import { listAudit } from "../audit/list-audit";
import { createChannel } from "../channels/create-channel";
import { prismaSql } from "../db/prisma-sql";
import { TEST_PROVIDERS, type TestDatabase, useTestDatabase } from "../dev/testing/test-database";
import { NotFoundError, UnauthenticatedError } from "../errors";
import { createProvider } from "../providers/create-provider";
import { hashAccessToken } from "./access-token-credentials";
import {
  AUTHENTICATION_FAILED_MESSAGE,
  AUTHORIZATION_REQUIRED_MESSAGE,
  authenticateChannel,
  authenticateChannelToken,
} from "./authenticate-channel";
import { getChannelAccessTokenStatus } from "./get-channel-access-token-status";
import { issueChannelAccessToken } from "./issue-channel-access-token";

async function newChannel({ db }: TestDatabase, name = "Echo bot") {
  const provider = await createProvider(db, { name: "Acme" }, "tester@example.com");
  return createChannel(db, provider.id, { name }, "tester@example.com");
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (error: unknown) => error,
  );
}

async function expectAuthenticationFailed(
  promise: Promise<unknown>,
  message = AUTHENTICATION_FAILED_MESSAGE,
) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(UnauthenticatedError);
  expect(error).toMatchObject({ code: "unauthenticated", message });
}

/** LINE's long-lived token shape: 172 characters of standard base64, the last one "=". */
const LINE_TOKEN_SHAPE = /^[A-Za-z0-9+/]{171}=$/;

describe.each(TEST_PROVIDERS)("channel access tokens on %s", (provider) => {
  const database = useTestDatabase(provider);

  it("issues a token shaped like LINE's (172 base64 characters) that authenticates its channel", async () => {
    const { db } = database();
    const channel = await newChannel(database());
    const before = Date.now();

    const { accessToken, issuedAt } = await issueChannelAccessToken(
      db,
      channel.id,
      "tester@example.com",
    );

    expect(accessToken).toMatch(LINE_TOKEN_SHAPE);
    expect(Date.parse(issuedAt)).toBeGreaterThanOrEqual(before - 1000);
    const authenticated = await authenticateChannel(db, `Bearer ${accessToken}`);
    expect(authenticated.id).toBe(channel.id);
    expect(await getChannelAccessTokenStatus(db, channel.id)).toEqual({
      issued: true,
      issuedAt,
      oldTokensValidUntil: null,
    });
  });

  it("reports no token before the first is issued", async () => {
    const { db } = database();
    const channel = await newChannel(database());
    expect(await getChannelAccessTokenStatus(db, channel.id)).toEqual({
      issued: false,
      issuedAt: null,
      oldTokensValidUntil: null,
    });
  });

  it("revokes every earlier token of the channel on reissue, and only of that channel", async () => {
    const { db } = database();
    const channel = await newChannel(database());
    const other = await newChannel(database(), "Other bot");
    const first = await issueChannelAccessToken(db, channel.id, "tester@example.com");
    const second = await issueChannelAccessToken(db, channel.id, "tester@example.com");
    const others = await issueChannelAccessToken(db, other.id, "tester@example.com");

    const third = await issueChannelAccessToken(db, channel.id, "tester@example.com");

    await expectAuthenticationFailed(authenticateChannel(db, `Bearer ${first.accessToken}`));
    await expectAuthenticationFailed(authenticateChannel(db, `Bearer ${second.accessToken}`));
    expect((await authenticateChannel(db, `Bearer ${third.accessToken}`)).id).toBe(channel.id);
    expect((await authenticateChannel(db, `Bearer ${others.accessToken}`)).id).toBe(other.id);
    const rows = await db.channelAccessToken.findMany({ where: { channelId: channel.id } });
    expect(rows.filter((row) => row.revokedAt === null)).toHaveLength(1);
    expect(new Set([first, second, third].map((t) => t.accessToken)).size).toBe(3);
  });

  it("keeps the earlier token working until the reissue's grace period ends, and not a moment after", async () => {
    const { db } = database();
    const channel = await newChannel(database());
    const t0 = new Date("2026-12-07T01:00:00.000Z");
    const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
    const old = await issueChannelAccessToken(db, channel.id, "admin@example.com", { now: t0 });
    const reissued = await issueChannelAccessToken(db, channel.id, "admin@example.com", {
      oldTokenValidMinutes: 60,
      now: minutes(1),
    });
    expect(reissued.oldTokensValidUntil).toBe(minutes(61).toISOString());
    expect(await getChannelAccessTokenStatus(db, channel.id, minutes(2))).toMatchObject({
      issued: true,
      issuedAt: minutes(1).toISOString(),
      oldTokensValidUntil: minutes(61).toISOString(),
    });

    // Both tokens work until then, through both ways a token is checked (the /v2 API's, and the
    // one statement of the console's token routes); the old one stops at its end.
    const both = async (token: string, at: Date) => {
      const header = `Bearer ${token}`;
      const viaApi = await authenticateChannel(db, header, at).then(
        (found) => found.id,
        () => null,
      );
      const viaRoutes = await authenticateChannelToken(prismaSql(db), header, at).then(
        (found) => found.channelId,
        () => null,
      );
      return [viaApi, viaRoutes];
    };
    expect(await both(old.accessToken, minutes(60))).toEqual([channel.id, channel.id]);
    expect(await both(reissued.accessToken, minutes(60))).toEqual([channel.id, channel.id]);
    expect(await both(old.accessToken, minutes(61))).toEqual([null, null]);
    expect(await both(reissued.accessToken, minutes(61))).toEqual([channel.id, channel.id]);
    await expectAuthenticationFailed(
      authenticateChannel(db, `Bearer ${old.accessToken}`, minutes(62)),
    );
    expect(await getChannelAccessTokenStatus(db, channel.id, minutes(61))).toMatchObject({
      oldTokensValidUntil: null,
    });

    // A later reissue only ever brings an old token's end closer: at once, here.
    const third = await issueChannelAccessToken(db, channel.id, "admin@example.com", {
      oldTokenValidMinutes: 24 * 60,
      now: minutes(70),
    });
    expect(await both(reissued.accessToken, minutes(71))).toEqual([channel.id, channel.id]);
    await issueChannelAccessToken(db, channel.id, "admin@example.com", { now: minutes(72) });
    expect(await both(reissued.accessToken, minutes(72))).toEqual([null, null]);
    expect(await both(third.accessToken, minutes(72))).toEqual([null, null]);
    const { entries } = await listAudit(db, { channelId: channel.id }, { limit: 10 });
    expect(entries.map((entry) => entry.summary)).toContain(
      "Reissued the channel access token; earlier tokens work until 2026-12-07 11:01 (UTC+9)",
    );
  });

  it.each([
    ["no header", null],
    ["an empty header", ""],
    ["no scheme", "TOKEN"],
    ["Basic", "Basic dXNlcjpwYXNz"],
    ["Bearer alone", "Bearer "],
    ["two tokens", `Bearer ${"A".repeat(171)}= ${"B".repeat(171)}=`],
  ])("refuses %s with LINE's 401 asking for the Bearer scheme", async (_case, header) => {
    const { db } = database();
    const channel = await newChannel(database());
    await issueChannelAccessToken(db, channel.id, "tester@example.com");
    await expectAuthenticationFailed(
      authenticateChannel(db, header),
      AUTHORIZATION_REQUIRED_MESSAGE,
    );
  });

  it.each([
    ["a short token", "Bearer abc"],
    ["characters outside base64", `Bearer ${"*".repeat(171)}=`],
    ["an unknown token", `Bearer ${"A".repeat(171)}=`],
    ["an unknown old-style token", `Bearer ${"A".repeat(43)}`],
  ])("refuses %s with LINE's 401 for a bad token", async (_case, header) => {
    const { db } = database();
    const channel = await newChannel(database());
    await issueChannelAccessToken(db, channel.id, "tester@example.com");
    await expectAuthenticationFailed(authenticateChannel(db, header));
  });

  it("still accepts a token issued in the earlier 43-character shape", async () => {
    const { db } = database();
    const channel = await newChannel(database());
    const legacy = "Q".repeat(43);
    await db.channelAccessToken.create({
      data: {
        id: "01JZ0000000000000000000000",
        channelId: channel.id,
        tokenHash: hashAccessToken(legacy),
      },
    });
    expect((await authenticateChannel(db, `Bearer ${legacy}`)).id).toBe(channel.id);
  });

  it("stores only the token's SHA-256: no column of the table contains the token", async () => {
    const { db } = database();
    const channel = await newChannel(database());
    const { accessToken } = await issueChannelAccessToken(db, channel.id, "tester@example.com");

    const rows = await db.channelAccessToken.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashAccessToken(accessToken));
    expect(rows[0]?.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(accessToken);
    const raw = await db.$queryRaw<unknown[]>`SELECT * FROM "ChannelAccessToken"`;
    expect(JSON.stringify(raw)).not.toContain(accessToken);
  });

  it.each(["1000000000", "not-an-id"])(
    "throws NotFoundError for channel %j and stores nothing",
    async (channelId) => {
      const { db } = database();
      expect(
        await rejection(issueChannelAccessToken(db, channelId, "tester@example.com")),
      ).toBeInstanceOf(NotFoundError);
      expect(await rejection(getChannelAccessTokenStatus(db, channelId))).toBeInstanceOf(
        NotFoundError,
      );
      expect(await db.channelAccessToken.count()).toBe(0);
    },
  );

  it("deletes a channel's tokens with the channel", async () => {
    const { db } = database();
    const channel = await newChannel(database());
    await issueChannelAccessToken(db, channel.id, "tester@example.com");
    await db.channel.delete({ where: { id: channel.id } });
    expect(await db.channelAccessToken.count()).toBe(0);
  });
});
