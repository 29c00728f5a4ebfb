// A channel secret reissued for later, on SQLite and PostgreSQL: the current secret signs until
// the chosen time, the new one from then on, as the console's reads and the dispatcher's claim
// (its own SQL) see it; the clock is injected, not slept.
import { afterEach, describe, expect, it } from "vitest";
import { listAudit } from "../audit/list-audit";
import type { SqlConnection } from "../db/sql";
import { openSqlConnection } from "../db/sql-driver";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { claimDue } from "../dispatch/queue/claim-due";
import { InvalidInputError } from "../errors";
import { newUlid } from "../ids/new-ulid";
import { createProvider } from "../providers/create-provider";
import { openChannelSecret, openScheduledSecret } from "./channel-secret";
import { createChannel } from "./create-channel";
import { getChannelSecret, revealChannelSecret } from "./get-channel";
import { reissueChannelSecret } from "./reissue-channel-secret";

const ADMIN = "admin@example.com";

describe.each(TEST_PROVIDERS)("a scheduled channel secret on %s", (provider) => {
  const database = useTestDatabase(provider);
  let sql: SqlConnection | undefined;
  afterEach(async () => {
    await sql?.close();
    sql = undefined;
  });

  it("signs with the current secret until its time and with the new one from then on", async () => {
    const { db, config } = database();
    const owner = await createProvider(db, { name: "Rotating" }, ADMIN);
    const channel = await createChannel(db, owner.id, { name: "Rotating bot" }, ADMIN);
    const { channelSecret: before } = await getChannelSecret(db, channel.id);
    const t0 = new Date();
    const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);

    const reissued = await reissueChannelSecret(db, channel.id, ADMIN, {
      switchAt: minutes(60),
      now: t0,
    });
    expect(reissued.switchesAt).toBe(minutes(60).toISOString());
    expect(reissued.channelSecret).not.toBe(before);

    // The console's reads: the current secret, and the new one waiting with its time.
    const row = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(openChannelSecret(row, undefined, minutes(59))).toBe(before);
    expect(openChannelSecret(row, undefined, minutes(60))).toBe(reissued.channelSecret);
    expect(openScheduledSecret(row, undefined, minutes(59))).toEqual({
      channelSecret: reissued.channelSecret,
      switchesAt: minutes(60).toISOString(),
    });
    expect(openScheduledSecret(row, undefined, minutes(60))).toBeNull();
    expect(await revealChannelSecret(db, channel.id, ADMIN)).toEqual({
      channelSecret: before,
      scheduled: { channelSecret: reissued.channelSecret, switchesAt: minutes(60).toISOString() },
    });

    // The dispatcher's claim reads the channel with its own SQL (SQLite gives times as text).
    await db.webhook.create({
      data: { id: newUlid(), channelId: channel.id, events: "[]", status: "pending" },
    });
    sql = openSqlConnection(config);
    const { channels } = await claimDue(sql, {
      workerId: "worker",
      now: new Date(),
      leaseMs: 60_000,
      limit: 1,
      roomFor: () => 1,
      skipChannels: [],
      expired: false,
    });
    const claimed = channels.find((found) => found.id === channel.id);
    if (!claimed) throw new Error("the channel was not read in the claim");
    expect(openChannelSecret(claimed, undefined, minutes(59))).toBe(before);
    expect(openChannelSecret(claimed, undefined, minutes(61))).toBe(reissued.channelSecret);

    const { entries } = await listAudit(db, { channelId: channel.id }, { limit: 5 });
    expect(entries.find((entry) => entry.action === "channel_secret.reissued")).toMatchObject({
      detail: { switchesAt: minutes(60).toISOString() },
      summary: expect.stringMatching(/^Reissued the channel secret; the new one signs from /),
    });
  });

  it("keeps a secret whose time has come when reissued again, and refuses a time too far off", async () => {
    const { db } = database();
    const owner = await createProvider(db, { name: "Rotating" }, ADMIN);
    const channel = await createChannel(db, owner.id, { name: "Rotating bot" }, ADMIN);
    const t0 = new Date();
    const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
    const first = await reissueChannelSecret(db, channel.id, ADMIN, {
      switchAt: minutes(10),
      now: t0,
    });
    // At minute 20 the first one has taken over; a reissue then, scheduled for minute 80, keeps
    // it signing until minute 80.
    const second = await reissueChannelSecret(db, channel.id, ADMIN, {
      switchAt: minutes(80),
      now: minutes(20),
    });
    const row = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(openChannelSecret(row, undefined, minutes(79))).toBe(first.channelSecret);
    expect(openChannelSecret(row, undefined, minutes(80))).toBe(second.channelSecret);

    // At once: the new secret signs now, and nothing waits.
    const third = await reissueChannelSecret(db, channel.id, ADMIN, { now: minutes(30) });
    expect(third.switchesAt).toBeNull();
    const after = await db.channel.findUniqueOrThrow({ where: { id: channel.id } });
    expect(openChannelSecret(after, undefined, minutes(30))).toBe(third.channelSecret);
    expect(after.nextChannelSecret).toBeNull();

    await expect(
      reissueChannelSecret(db, channel.id, ADMIN, { switchAt: minutes(31 * 24 * 60), now: t0 }),
    ).rejects.toThrow(InvalidInputError);
    expect(
      openChannelSecret(await db.channel.findUniqueOrThrow({ where: { id: channel.id } })),
    ).toBe(third.channelSecret);
  });
});
