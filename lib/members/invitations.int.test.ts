// Invitations on SQLite and PostgreSQL (ADR 28): nobody becomes a member without accepting, an
// account made from a link is the invited address's, the link reaches only that address when the
// console sends mail, and "invite this address" reads and costs the same whether it has an
// account or not. The browser's side of the attack is e2e/accounts/invitation-hijack.spec.ts.
import { afterEach, describe, expect, it } from "vitest";
import type { OperatorActor } from "../access/actor";
import { createAuth } from "../auth/auth";
import { createOperator } from "../auth/operators";
import type { Db } from "../db/client";
import { refusalCode } from "../dev/testing/refusal-code";
import { smtpTestServer } from "../dev/testing/smtp-test-server";
import { TEST_PROVIDERS, useTestDatabase } from "../dev/testing/test-database";
import { notificationSettingsFromEnv } from "../notifications/notification-settings";
import { startNotifier } from "../notifications/start-notifier";
import { createProvider } from "../providers/create-provider";
import { acceptInvitation } from "./accept-invitation";
import { addMember, revokeInvitation } from "./manage-members";
import { acceptInvitationInput } from "./member-input";

const PASSWORD = "a long enough password";
const ORIGIN = "https://console.example.com";

/** The code a refusal carries, or "accepted". */
const outcome = (attempt: Promise<unknown>) => refusalCode(attempt, "accepted");

describe.each(TEST_PROVIDERS)("invitations on %s", (provider) => {
  const database = useTestDatabase(provider);
  const stops: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const stop of stops.splice(0).reverse()) await stop();
  });

  function setUp() {
    const { db, config } = database();
    const auth = createAuth(db, config, {
      origins: [ORIGIN],
      secret: "a-test-secret-that-is-long-enough-0123456789",
    });
    /** An operator with an account, as the session would name them. */
    const operator = async (email: string): Promise<OperatorActor> => {
      const made = await createOperator(auth, { email, password: PASSWORD });
      if (!made) throw new Error(`${email} exists`);
      return { kind: "operator", userId: made.userId, email, name: email, consoleAdmin: false };
    };
    const providerOf = async (admin: OperatorActor, name: string) =>
      createProvider(db, { name }, admin.email, admin.userId);
    const members = (providerId: string) =>
      db.providerMember.findMany({ where: { providerId }, select: { userId: true, role: true } });
    const snapshot = async () => ({
      users: await db.user.count(),
      members: await db.providerMember.count(),
      invitations: await db.providerInvitation.count(),
      audit: await db.auditEntry.count(),
    });
    return { db, auth: () => auth, operator, providerOf, members, snapshot };
  }

  it("adding an operator who has an account only invites them: they join when they accept, signed in", async () => {
    const { db, auth, operator, providerOf, members, snapshot } = setUp();
    const admin = await operator("admin@example.com");
    const colleague = await operator("colleague@example.com");
    const team = await providerOf(admin, "Team");

    const { invitation, token } = await addMember(
      db,
      team.id,
      { email: colleague.email, role: "member" },
      admin.email,
    );
    expect(invitation).toMatchObject({ email: colleague.email, role: "member", delivery: "admin" });
    expect(await members(team.id)).toEqual([{ userId: admin.userId, role: "admin" }]);

    // The link without the account's session: refused, whatever name and password come with it.
    const before = await snapshot();
    expect(
      await outcome(
        acceptInvitation(db, auth, { token: token ?? "", name: "X", password: PASSWORD }, null),
      ),
    ).toBe("unauthenticated");
    expect(await snapshot()).toEqual(before);

    const accepted = await acceptInvitation(db, auth, { token: token ?? "" }, colleague);
    expect(accepted).toEqual({
      email: colleague.email,
      providerId: team.id,
      role: "member",
      accountCreated: false,
    });
    expect(await members(team.id)).toContainEqual({ userId: colleague.userId, role: "member" });
    // Used up.
    expect(await outcome(acceptInvitation(db, auth, { token: token ?? "" }, colleague))).toBe(
      "missing",
    );
  });

  it("a link opened signed in as someone else is refused and changes nothing", async () => {
    const { db, auth, operator, providerOf, snapshot } = setUp();
    const admin = await operator("admin@example.com");
    const other = await operator("other@example.com");
    const team = await providerOf(admin, "Team");
    for (const email of ["invited@example.com", "admin2@example.com"]) {
      const { token } = await addMember(db, team.id, { email, role: "admin" }, admin.email);
      const before = await snapshot();
      expect(await outcome(acceptInvitation(db, auth, { token: token ?? "" }, other))).toBe(
        "forbidden",
      );
      expect(
        await outcome(
          acceptInvitation(db, auth, { token: token ?? "", name: "N", password: PASSWORD }, other),
        ),
      ).toBe("forbidden");
      expect(await snapshot()).toEqual(before);
    }
  });

  it("an account made from a link is the invited address's: no input names another", async () => {
    const { db, auth, operator, providerOf, members } = setUp();
    const admin = await operator("admin@example.com");
    const team = await providerOf(admin, "Team");
    const { token } = await addMember(
      db,
      team.id,
      { email: "new@example.com", role: "viewer" },
      admin.email,
    );
    const smuggled = acceptInvitationInput.safeParse({
      token,
      name: "New",
      password: PASSWORD,
      email: "someone-else@example.com",
    });
    expect(smuggled.success).toBe(false);
    // Creating needs both the name and the password.
    expect(
      await outcome(acceptInvitation(db, auth, { token: token ?? "", name: "New" }, null)),
    ).toBe("invalid_input");
    const accepted = await acceptInvitation(
      db,
      auth,
      { token: token ?? "", name: "New", password: PASSWORD },
      null,
    );
    expect(accepted).toMatchObject({ email: "new@example.com", accountCreated: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: "new@example.com" } });
    expect(await members(team.id)).toContainEqual({ userId: user.id, role: "viewer" });
  });

  it("the pre-hijack fails: an address claimed through one provider's link joins no other provider", async () => {
    const { db, auth, operator, providerOf, members } = setUp();
    const attacker = await operator("attacker@example.com");
    const victimAdmin = await operator("victim-admin@example.com");
    const own = await providerOf(attacker, "Attacker's own");
    const target = await providerOf(victimAdmin, "Target");
    // Without mail, the attacker holds the link of their own invitation and claims the address.
    const claim = await addMember(
      db,
      own.id,
      { email: "victim@example.com", role: "viewer" },
      attacker.email,
    );
    await acceptInvitation(
      db,
      auth,
      { token: claim.token ?? "", name: "V", password: PASSWORD },
      null,
    );
    const squatted = await db.user.findUniqueOrThrow({ where: { email: "victim@example.com" } });
    const asSquatter: OperatorActor = {
      kind: "operator",
      userId: squatted.id,
      email: squatted.email,
      name: squatted.name,
      consoleAdmin: false,
    };

    // The target's Admin invites the real person, with mail configured: the link goes to them.
    const invited = await addMember(
      db,
      target.id,
      { email: "victim@example.com", role: "member" },
      victimAdmin.email,
      { by: "email", consoleOrigin: ORIGIN },
    );
    expect(invited.token).toBeNull();
    expect((await members(target.id)).map(({ userId }) => userId)).toEqual([victimAdmin.userId]);
    // Signed in to the squatted account, the attacker has no link for the target; the old one
    // is used up.
    expect(
      await outcome(acceptInvitation(db, auth, { token: claim.token ?? "" }, asSquatter)),
    ).toBe("missing");
    expect((await members(target.id)).map(({ userId }) => userId)).toEqual([victimAdmin.userId]);
    const mail = await db.notification.findFirstOrThrow({ where: { kind: "invitation" } });
    expect(JSON.parse(mail.recipients)).toEqual(["victim@example.com"]);
  });

  it("answers and works the same whether or not the address has an account", async () => {
    const { db, operator, providerOf } = setUp();
    const admin = await operator("admin@example.com");
    await operator("has-account@example.com");
    const team = await providerOf(admin, "Team");
    const operations: string[] = [];
    const recording = db.$extends({
      query: {
        $allModels: {
          $allOperations({ model, operation, args, query }) {
            operations.push(`${model}.${operation}`);
            return query(args);
          },
        },
      },
    }) as unknown as Db;
    const invite = async (email: string) => {
      operations.length = 0;
      const answer = await addMember(recording, team.id, { email, role: "member" }, admin.email, {
        by: "email",
        consoleOrigin: ORIGIN,
      });
      return { answer, operations: [...operations] };
    };
    const withAccount = await invite("has-account@example.com");
    const without = await invite("no-account@example.com");
    const shape = ({ answer }: typeof withAccount) => ({
      ...answer,
      invitation: { ...answer.invitation, id: "", email: "", expiresAt: "" },
    });
    expect(shape(withAccount)).toEqual(shape(without));
    expect(withAccount.operations).toEqual(without.operations);
    expect(withAccount.operations.some((name) => name.startsWith("User."))).toBe(false);
  });

  it("with mail, the link goes only to the invited address; revoking before it is sent drops it", async () => {
    const { db, auth, operator, providerOf, members } = setUp();
    const smtp = await smtpTestServer();
    stops.push(() => smtp.close());
    const admin = await operator("admin@example.com");
    const team = await providerOf(admin, "Team <b>");
    const invite = (address: string, role: "member" | "viewer") =>
      addMember(db, team.id, { email: address, role }, admin.email, {
        by: "email",
        consoleOrigin: ORIGIN,
      });

    const revoked = await invite("gone@example.com", "member");
    await revokeInvitation(db, team.id, revoked.invitation.id, admin.email);
    const replaced = await invite("new@example.com", "viewer");
    const kept = await invite("new@example.com", "member");
    expect([revoked.token, replaced.token, kept.token]).toEqual([null, null, null]);
    expect(await db.notification.count({ where: { kind: "invitation" } })).toBe(1);

    const settings = notificationSettingsFromEnv({
      SMTP_URL: smtp.url,
      CONSOLE_ORIGIN: ORIGIN,
      NOTIFICATION_FROM: "Webhook Console <console@example.com>",
    });
    const notifier = startNotifier(db, settings, { pollMs: 25, logError: () => {} });
    stops.push(() => notifier.stop());
    await expect.poll(() => smtp.received.length, { timeout: 5000 }).toBe(1);
    const [mail] = smtp.received;
    expect(mail?.to).toEqual(["new@example.com"]);
    expect(mail?.subject).toBe("Webhook Console: You are invited to the provider Team <b>");
    expect(mail?.text).toContain("as Member");
    const link = mail?.text.match(/https:\/\/console\.example\.com\/invite\/([A-Za-z0-9_-]{43})/);
    const accepted = await acceptInvitation(
      db,
      auth,
      { token: link?.[1] ?? "", name: "New", password: PASSWORD },
      null,
    );
    expect(accepted).toMatchObject({
      email: "new@example.com",
      role: "member",
      accountCreated: true,
    });
    expect(await members(team.id)).toHaveLength(2);
  });
});
