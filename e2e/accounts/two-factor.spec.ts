// Two-factor sign-in in the browser, on a console that requires it of administrators
// (TWO_FACTOR_REQUIRED=admins): the console administrator is held on the account page until they
// turn it on, then every sign-in asks for a code. Codes are computed here from the setup key the
// page shows (lib/dev/testing/totp.ts), as an authenticator app would. Each phase is its own client
// behind the proxy (TRUSTED_PROXIES), as Better Auth allows 3 two-factor requests per 10 s and
// address (docs/operators.md, "Two-factor sign-in"; ADR 29).
import { mkdtempSync, rmSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { startConsole } from "../../lib/dev/testing/console-process";
import { scratchDir } from "../../lib/dev/testing/scratch-dir";
import { totpCode, totpSecretOf } from "../../lib/dev/testing/totp";
import { expect, test } from "../fixtures";

const ADMIN = { email: "root@e2e.test", password: "a-long-enough-admin-password" };

/** Browsers to close when the test ends. */
const contexts: BrowserContext[] = [];

/** A signed-out browser that the console sees as the client `address` behind its proxy. */
async function client(browser: Browser, baseURL: string, address: string): Promise<Page> {
  const context = await browser.newContext({
    baseURL,
    storageState: { cookies: [], origins: [] },
    extraHTTPHeaders: { "x-forwarded-for": address },
  });
  contexts.push(context);
  return context.newPage();
}

/** The page's own alerts (Next's route announcer is one too). */
const alerts = (page: Page) =>
  page.getByRole("alert").and(page.locator(":not(#__next-route-announcer__)"));

async function enterPassword(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a required second factor: turned on from the account page, then asked at every sign-in", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(scratchDir(), "two-factor-"));
  const served = await startConsole({
    DATABASE_URL: `file:${path.join(dir, "console.db")}`,
    TWO_FACTOR_REQUIRED: "admins",
    TRUSTED_PROXIES: "127.0.0.1",
    CONSOLE_ADMIN_EMAIL: ADMIN.email,
    CONSOLE_ADMIN_PASSWORD: ADMIN.password,
  });
  const baseURL = served.url;
  try {
    // 1. Signed in with the password only: held on the account page, the API refuses.
    const first = await client(browser, baseURL, "198.51.100.1");
    await enterPassword(first);
    await expect(first).toHaveURL(/\/account\?two-factor=required$/);
    await expect(alerts(first)).toContainText("Your role requires two-factor sign-in");
    const refused = await first.request.get("/api/providers", { headers: { origin: baseURL } });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).message).toContain("requires two-factor sign-in");
    await first.goto("/console");
    await expect(first).toHaveURL(/\/account\?two-factor=required$/);

    // 2. Turned on: the password, the setup key into the app, a wrong code, then the right one.
    await first.getByLabel("Your password, to confirm").fill(ADMIN.password);
    await first.getByRole("button", { name: "Turn on" }).click();
    const key = (await first.getByTestId("two-factor-setup-key").textContent()) ?? "";
    const secret = totpSecretOf(`otpauth://totp/x?secret=${key.replaceAll(" ", "")}`);
    const recoveryCodes = await first
      .getByTestId("recovery-codes")
      .getByRole("listitem")
      .allTextContents();
    expect(recoveryCodes).toHaveLength(10);
    const used = totpCode(secret);
    await first.getByLabel("Code from the app").fill(used === "000000" ? "111111" : "000000");
    await first.getByRole("button", { name: "Confirm and turn on" }).click();
    await expect(alerts(first).filter({ hasText: "That code is not right" })).toBeVisible();
    await first.getByLabel("Code from the app").fill(used);
    await first.getByRole("button", { name: "Confirm and turn on" }).click();
    await expect(first.getByTestId("two-factor-status")).toContainText("On");
    await expect(first.getByRole("button", { name: "Turn off" })).toBeDisabled();
    await first.goto("/console");
    await expect(first).toHaveURL(/\/console$/);
    const provider = await first.request.post("/api/providers", {
      headers: { origin: baseURL },
      data: { name: "Guarded" },
    });
    expect(provider.status()).toBe(201);
    const { id: providerId } = await provider.json();

    // 3. Signing in again: the password, then the code. The one used to turn it on is refused.
    const second = await client(browser, baseURL, "198.51.100.2");
    await enterPassword(second);
    await expect(second.getByRole("heading", { name: "Two-factor sign-in" })).toBeVisible();
    await second.getByLabel("Authentication code").fill(used);
    await second.getByRole("button", { name: "Verify" }).click();
    await expect(alerts(second)).toHaveText(
      "This code was used already: enter the next one your app shows.",
    );
    await second.getByLabel("Authentication code").fill(totpCode(secret, Date.now(), 1));
    await second.getByRole("button", { name: "Verify" }).click();
    await expect(second).toHaveURL(/\/console$/);
    await expect(second.getByTestId("signed-in-operator")).toHaveText(ADMIN.email);

    // 4. Without the app: a recovery code, once; its use is in the provider's audit log.
    const third = await client(browser, baseURL, "198.51.100.3");
    await enterPassword(third);
    await third.getByRole("button", { name: "Use a recovery code" }).click();
    await third.getByLabel("Recovery code").fill(recoveryCodes[0] ?? "");
    await third.getByRole("button", { name: "Verify" }).click();
    await expect(third).toHaveURL(/\/console$/);
    const fourth = await client(browser, baseURL, "198.51.100.4");
    await enterPassword(fourth);
    await fourth.getByRole("button", { name: "Use a recovery code" }).click();
    await fourth.getByLabel("Recovery code").fill(recoveryCodes[0] ?? "");
    await fourth.getByRole("button", { name: "Verify" }).click();
    await expect(alerts(fourth).filter({ hasText: "That code is not right" })).toBeVisible();
    await expect(fourth).toHaveURL(/\/sign-in$/);

    const audit = await third.request.get(`/api/providers/${providerId}/audit`);
    const actions = ((await audit.json()).entries as { action: string }[]).map((e) => e.action);
    expect(actions[0]).toBe("two_factor.recovery_code_used");
  } finally {
    for (const context of contexts.splice(0)) await context.close().catch(() => {});
    await served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
