import { describe, expect, it } from "vitest";
import { createChannel } from "../channels/create-channel";
import type { Db } from "../db/client";
import { prismaSql } from "../db/prisma-sql";
import { joinProvider } from "../dev/testing/join-provider";
import { refusalCode } from "../dev/testing/refusal-code";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { addMember, changeMemberRole, removeMember } from "../members/manage-members";
import { createProvider } from "../providers/create-provider";
import { listProviders } from "../providers/list-providers";
import type { Permission, ProviderRole } from "../shared/provider-roles";
import type { OperatorActor } from "./actor";
import { authorizeChannel, authorizeProvider } from "./authorize";

let users = 0;
async function operator(db: Db, consoleAdmin = false): Promise<OperatorActor> {
  users += 1;
  const email = `operator-${users}@example.com`;
  const user = await db.user.create({
    data: { id: `user-${users}`, name: `Operator ${users}`, email, consoleAdmin },
  });
  return { kind: "operator", userId: user.id, email, name: user.name, consoleAdmin };
}

/** The code a refusal carries, or "granted". */
const outcome = (attempt: Promise<unknown>) => refusalCode(attempt, "granted");

describe.each(TEST_PROVIDERS)("who may do what, on %s", (provider) => {
  const database = useTestDatabase(provider);

  /** A provider with one channel, whose Admin is `admin`, plus a Member and a Viewer. */
  async function team() {
    const { db } = database();
    const admin = await operator(db);
    const member = await operator(db);
    const viewer = await operator(db);
    const outsider = await operator(db);
    const owned = await createProvider(db, { name: "Team" }, admin.email, admin.userId);
    const channel = await createChannel(db, owned.id, { name: "Bot" }, admin.email);
    await joinProvider(db, owned.id, member, "member", admin.email);
    await joinProvider(db, owned.id, viewer, "viewer", admin.email);
    return { db, admin, member, viewer, outsider, providerId: owned.id, channelId: channel.id };
  }

  it("grants each role exactly its permissions, on the provider and on its channels", async () => {
    const { db, admin, member, viewer, outsider, providerId, channelId } = await team();
    const expected: [OperatorActor, Record<Permission, string>][] = [
      [admin, { read: "granted", configure: "granted", manage: "granted" }],
      [member, { read: "granted", configure: "granted", manage: "forbidden" }],
      [viewer, { read: "granted", configure: "forbidden", manage: "forbidden" }],
      // Not a member: as if neither existed, whatever is asked.
      [outsider, { read: "not_found", configure: "not_found", manage: "not_found" }],
    ];
    for (const [actor, permissions] of expected) {
      for (const [permission, result] of Object.entries(permissions) as [Permission, string][]) {
        expect(await outcome(authorizeChannel(prismaSql(db), actor, channelId, permission))).toBe(
          result,
        );
        expect(await outcome(authorizeProvider(prismaSql(db), actor, providerId, permission))).toBe(
          result,
        );
      }
    }
  });

  it("answers a foreign provider's ids exactly as unknown ones", async () => {
    const { db, outsider, providerId, channelId } = await team();
    const messages = async (id: string, kind: "channel" | "provider") => {
      try {
        await (kind === "channel"
          ? authorizeChannel(prismaSql(db), outsider, id, "read")
          : authorizeProvider(prismaSql(db), outsider, id, "read"));
      } catch (error) {
        return (error as Error).message.replace(id, "<id>");
      }
      return "granted";
    };
    expect(await messages(channelId, "channel")).toBe(await messages("1000000000", "channel"));
    expect(await messages(providerId, "provider")).toBe(await messages("1000000000", "provider"));
  });

  it("lets a console administrator do anything, on every provider, and unknown ids stay 404", async () => {
    const { db, providerId, channelId } = await team();
    const root = await operator(db, true);
    expect(await outcome(authorizeChannel(prismaSql(db), root, channelId, "manage"))).toBe(
      "granted",
    );
    expect(await outcome(authorizeProvider(prismaSql(db), root, providerId, "manage"))).toBe(
      "granted",
    );
    expect(await outcome(authorizeChannel(prismaSql(db), root, "1000000000", "read"))).toBe(
      "not_found",
    );
    expect((await listProviders(prismaSql(db), root)).map((p) => p.id)).toContain(providerId);
  });

  it("lets a channel's access token act on that channel only, as a Member", async () => {
    const { db, admin, providerId, channelId } = await team();
    const other = await createChannel(db, providerId, { name: "Other" }, admin.email);
    const token = { kind: "channel-token" as const, channelId, providerId };
    expect(await outcome(authorizeChannel(prismaSql(db), token, channelId, "configure"))).toBe(
      "granted",
    );
    expect(await outcome(authorizeChannel(prismaSql(db), token, channelId, "manage"))).toBe(
      "forbidden",
    );
    expect(await outcome(authorizeChannel(prismaSql(db), token, other.id, "read"))).toBe(
      "not_found",
    );
    expect(await outcome(authorizeProvider(prismaSql(db), token, providerId, "read"))).toBe(
      "not_found",
    );
  });

  it("lists only the providers an operator belongs to, with the role in each", async () => {
    const { db, admin, viewer, outsider, providerId } = await team();
    const own = await createProvider(db, { name: "Viewer's own" }, viewer.email, viewer.userId);
    expect(await listProviders(prismaSql(db), viewer)).toEqual([
      expect.objectContaining({ id: providerId, role: "viewer" }),
      expect.objectContaining({ id: own.id, role: "admin" }),
    ]);
    expect((await listProviders(prismaSql(db), admin)).map((p) => p.id)).toEqual([providerId]);
    expect(await listProviders(prismaSql(db), outsider)).toEqual([]);
  });

  it("never leaves a provider without an Admin", async () => {
    const { db, admin, member, providerId } = await team();
    const roleOf = async (userId: string) =>
      (
        await db.providerMember.findUniqueOrThrow({
          where: { providerId_userId: { providerId, userId } },
        })
      ).role as ProviderRole;
    expect(
      await outcome(changeMemberRole(db, providerId, admin.userId, { role: "viewer" }, "x")),
    ).toBe("conflict");
    expect(await outcome(removeMember(db, providerId, admin.userId, "x"))).toBe("conflict");
    expect(await roleOf(admin.userId)).toBe("admin");
    // With a second Admin, the first may step down.
    await changeMemberRole(db, providerId, member.userId, { role: "admin" }, admin.email);
    await changeMemberRole(db, providerId, admin.userId, { role: "viewer" }, admin.email);
    expect(await roleOf(admin.userId)).toBe("viewer");
    const log = await db.auditEntry.findMany({
      where: { providerId, action: "member.role_changed" },
      orderBy: { id: "asc" },
    });
    expect(log.map((entry) => JSON.parse(entry.detail))).toEqual([
      { email: member.email, from: "member", to: "admin" },
      { email: admin.email, from: "admin", to: "viewer" },
    ]);
  });

  it("keeps one Admin when two Admins demote each other at the same moment", async () => {
    const { db, admin, member, providerId } = await team();
    await changeMemberRole(db, providerId, member.userId, { role: "admin" }, admin.email);
    const results = await Promise.allSettled([
      changeMemberRole(db, providerId, admin.userId, { role: "viewer" }, member.email),
      changeMemberRole(db, providerId, member.userId, { role: "viewer" }, admin.email),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect(await db.providerMember.count({ where: { providerId, role: "admin" } })).toBe(1);
  });

  it("refuses inviting a member again, and keeps only the hash of an invitation's token", async () => {
    const { db, admin, member, providerId } = await team();
    expect(
      await outcome(addMember(db, providerId, { email: member.email, role: "viewer" }, "x")),
    ).toBe("conflict");
    const invited = await addMember(
      db,
      providerId,
      { email: "new@example.com", role: "member" },
      admin.email,
    );
    const token = invited.token ?? "";
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = await db.providerInvitation.findFirstOrThrow({ where: { providerId } });
    // Only the token's hash is kept.
    expect(JSON.stringify(stored)).not.toContain(token);
  });
});
