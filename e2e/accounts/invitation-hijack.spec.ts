// The account pre-hijack, end to end, against a console that sends mail (SMTP_URL: a real SMTP
// server on 127.0.0.1, in this process). An attacker who holds an account for someone else's
// address (claimed while no mail was sent, say) waits for a real Admin to add that address to
// their provider. Adding only invites, the link goes to the address's mailbox alone, and accepting
// needs the invited account signed in: the attacker never becomes a member, while the real owner
// of an account accepts by signing in (docs/operators.md, "Invitations"; ADR 28).
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import { startConsole } from "../../lib/dev/testing/console-process";
import { scratchDir } from "../../lib/dev/testing/scratch-dir";
import { type ReceivedMail, smtpTestServer } from "../../lib/dev/testing/smtp-test-server";
import { createOperator, expect, signedInRequest, test } from "../fixtures";
import { ConsoleApi } from "../support/console-api";
import { signedInBrowser } from "../support/signed-in-browser";

const LINK = /http:\/\/127\.0\.0\.1:\d+(\/invite\/[A-Za-z0-9_-]{43})/;

/** The invitation link path in the email sent to `to` for `provider`, once it has arrived. */
async function linkTo(received: readonly ReceivedMail[], to: string, provider: string) {
  const mails = () =>
    received.filter((mail) => mail.to.includes(to) && mail.subject.endsWith(provider));
  await expect.poll(() => mails().length, { message: `the email to ${to}` }).toBe(1);
  const path = mails()[0]?.text.match(LINK)?.[1];
  if (!path) throw new Error(`no invitation link in the email to ${to}`);
  return path;
}

test("an address claimed by an attacker joins no provider: the link goes only to its mailbox", async ({
  browser,
  playwright,
}) => {
  test.setTimeout(180_000);
  const smtp = await smtpTestServer();
  const dir = mkdtempSync(path.join(scratchDir(), "invitation-hijack-"));
  const databaseUrl = `file:${path.join(dir, "console.db")}`;
  const served = await startConsole({
    DATABASE_URL: databaseUrl,
    SMTP_URL: smtp.url,
    NOTIFICATION_FROM: "Webhook Console <console@e2e.test>",
  });
  const baseURL = served.url;
  const stamp = Date.now().toString(36);
  const attacker = await createOperator(`attacker-${stamp}@e2e.test`, databaseUrl);
  const admin = await createOperator(`admin-${stamp}@e2e.test`, databaseUrl);
  const colleague = await createOperator(`colleague-${stamp}@e2e.test`, databaseUrl);
  const victim = `victim-${stamp}@e2e.test`;
  // Closed at the end: API clients are disposed, browsers closed (disposing a browser's own
  // request client instead broke the next test's fixtures in the same worker).
  const opened: { dispose(): Promise<void> }[] = [];
  const browsers: { close(): Promise<void> }[] = [];
  const requestAs = async (operator: { email: string; password: string }) => {
    const request = await signedInRequest(playwright, baseURL, operator);
    opened.push(request);
    return request;
  };
  try {
    // 1. The attacker invites the victim's address to a provider of their own, hoping for the
    //    link: with mail, the answer has none, and the email goes to the victim's mailbox.
    const attackerRequest = await requestAs(attacker);
    const asAttacker = new ConsoleApi(attackerRequest);
    const bait = await asAttacker.createProvider(`Bait ${stamp}`);
    const baitInvitation = await asAttacker.addMember(bait.id, victim, "viewer");
    expect(baitInvitation.invitation).toMatchObject({ delivery: "email", inviteUrl: null });
    await expect
      .poll(() => smtp.received.filter((mail) => mail.to.includes(victim)).length)
      .toBe(1);
    expect(smtp.received.every((mail) => !mail.to.includes(attacker.email))).toBe(true);

    // 2. Suppose the attacker holds an account for the address anyway (made before mail was
    //    configured): the real Admin adds the address in the browser.
    const squatted = await createOperator(victim, databaseUrl);
    const asAdmin = new ConsoleApi(await requestAs(admin));
    const target = await asAdmin.createProvider(`Target ${stamp}`);
    const { context: adminContext, page } = await signedInBrowser(browser, baseURL, admin);
    browsers.push(adminContext);
    await page.goto(`/console/provider/${target.id}/members`);
    for (const email of [victim, colleague.email]) {
      await page.getByRole("textbox", { name: "Email" }).fill(email);
      await page.getByRole("combobox", { name: "Role", exact: true }).selectOption("member");
      await page.getByRole("button", { name: "Send invitation" }).click();
      await expect(
        page
          .getByRole("status")
          .filter({ hasText: `An invitation for Member was emailed to ${email}` }),
      ).toBeVisible();
    }
    // The Admin never sees a usable link; both wait as invitations, neither is a member.
    await expect(page.getByRole("textbox", { name: "Invitation link" })).toHaveCount(0);
    const pending = page.getByRole("table", { name: "Pending invitations" });
    await expect(pending).toContainText(victim);
    await expect(pending).toContainText(colleague.email);
    const members = await asAdmin.members(target.id);
    expect(members.members.map((member) => member.email)).toEqual([admin.email]);

    // 3. Signed in to the squatted account, the attacker sees nothing of the target provider.
    const squatterRequest = await requestAs(squatted);
    expect(
      (await new ConsoleApi(squatterRequest).listProviders()).map((provider) => provider.id),
    ).not.toContain(target.id);
    const peek = await squatterRequest.get(`/api/providers/${target.id}`);
    expect(peek.status()).toBe(404);

    // 4. The mailed link, were it forwarded to the attacker's own session, is refused there.
    const victimLink = await linkTo(smtp.received, victim, target.name);
    const token = victimLink.split("/").at(-1) ?? "";
    const refused = await attackerRequest.post("/api/invitations/accept", { data: { token } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).message).toContain(`This invitation is for ${victim}`);
    const { context: attackerContext, page: attackerPage } = await signedInBrowser(
      browser,
      baseURL,
      attacker,
    );
    browsers.push(attackerContext);
    await attackerPage.goto(victimLink);
    await expect(attackerPage.getByText(`This invitation is for ${victim}`)).toBeVisible();
    await expect(attackerPage.getByRole("button", { name: "Accept invitation" })).toHaveCount(0);
    // Without a session the link does not create or claim anything: the address has an account.
    const anonymous = await playwright.request.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { origin: baseURL },
    });
    opened.push(anonymous);
    const claim = await anonymous.post("/api/invitations/accept", {
      data: { token, name: "Me", password: "a-long-enough-password" },
    });
    expect(claim.status()).toBe(401);
    expect((await asAdmin.members(target.id)).members.map((member) => member.email)).toEqual([
      admin.email,
    ]);

    // 5. The colleague, who owns their account, opens their email's link, signs in, accepts.
    const colleagueBrowser = await browser.newContext({
      baseURL,
      storageState: { cookies: [], origins: [] },
    });
    browsers.push(colleagueBrowser);
    const guest = await colleagueBrowser.newPage();
    await guest.goto(await linkTo(smtp.received, colleague.email, target.name));
    await guest.getByRole("link", { name: `Sign in as ${colleague.email}` }).click();
    await guest.getByRole("textbox", { name: "Email" }).fill(colleague.email);
    await guest.getByLabel("Password").fill(colleague.password);
    await guest.getByRole("button", { name: "Sign in" }).click();
    await expect(guest.getByTestId("invitation-email")).toHaveText(colleague.email);
    await guest.getByRole("button", { name: "Accept invitation" }).click();
    await expect(guest).toHaveURL(new RegExp(`/console/provider/${target.id}`));
    await expect(guest.getByTestId("provider-role")).toHaveText("Your role: Member");
    const after = await asAdmin.members(target.id);
    expect(after.members.map((member) => member.email).sort()).toEqual(
      [admin.email, colleague.email].sort(),
    );
    expect(after.invitations.map((invitation) => invitation.email)).toEqual([victim]);
  } finally {
    for (const context of browsers) await context.close().catch(() => {});
    for (const context of opened) await context.dispose().catch(() => {});
    await served.stop();
    await smtp.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
