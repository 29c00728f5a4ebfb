import type { Browser, BrowserContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";

// These specs sign in themselves: their browser starts signed out.
test.use({ storageState: { cookies: [], origins: [] } });

// Better Auth allows 10 sign-ins a minute from one address (lib/auth/auth.ts), and every test in
// the run signs in from 127.0.0.1: these tests sign in no more often than they must.

type Credentials = { email: string; password: string };

async function signIn(page: Page, { email, password }: Credentials) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/console$/);
}

/** Another browser (own cookies), signed in as the operator; `userAgent` tells its row apart. */
async function signedInElsewhere(
  browser: Browser,
  baseURL: string | undefined,
  operator: Credentials,
  userAgent?: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, userAgent });
  await signIn(await context.newPage(), operator);
  return context;
}

/** Where GET /account ends up for this context's cookies, after redirects. */
async function accountPathFor(context: BrowserContext): Promise<string> {
  const answer = await context.request.get("/account");
  return new URL(answer.url()).pathname;
}

const sessionRows = (page: Page) =>
  page
    .getByRole("table", { name: "Sessions" })
    .getByRole("row")
    .filter({ has: page.getByRole("cell") });

const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

test("an operator sees their sessions and signs the other browsers out", async ({
  page,
  browser,
  baseURL,
  operator,
}) => {
  await signIn(page, operator);
  await page.getByTestId("signed-in-operator").click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();

  const laptop = await signedInElsewhere(browser, baseURL, operator);
  const phone = await signedInElsewhere(browser, baseURL, operator, IPHONE_SAFARI);
  try {
    await page.reload();
    const rows = sessionRows(page);
    await expect(rows).toHaveCount(3);
    const thisBrowser = rows.filter({ hasText: "This browser" });
    await expect(thisBrowser).toHaveCount(1);
    await expect(thisBrowser.getByRole("button", { name: "Sign out" })).toHaveCount(0);
    await expect(thisBrowser).toContainText(/Chrome \d+ on \w+/);
    await expect(thisBrowser).toContainText("127.0.0.1");
    await expect(thisBrowser).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/);
    await expect(page.getByText("Times in UTC+9.")).toBeVisible();

    // One session at a time: the phone's row, told apart by its browser.
    const phoneRow = rows.filter({ hasText: "Safari 18 on iOS" });
    await phoneRow.getByRole("button", { name: "Sign out" }).click();
    await expect(rows).toHaveCount(2);
    expect(await accountPathFor(phone)).toBe("/sign-in");
    expect(await accountPathFor(laptop)).toBe("/account");

    // All the others at once.
    await page.getByRole("button", { name: "Sign out other sessions" }).click();
    await expect(page.getByRole("status").filter({ hasText: "signed out" })).toHaveText(
      "Every other session is signed out.",
    );
    await expect(rows).toHaveCount(1);
    await expect(rows).toContainText("This browser");
    expect(await accountPathFor(laptop)).toBe("/sign-in");
    expect(await accountPathFor(page.context())).toBe("/account");
  } finally {
    await laptop.close();
    await phone.close();
  }
});

test("an operator changes their password; only the new one signs in afterwards", async ({
  page,
  request,
  baseURL,
  operator,
}) => {
  const newPassword = `${operator.password}-changed`;
  await signIn(page, operator);
  await page.goto("/account");

  // Checked before anything is sent.
  await page.getByLabel("Current password").fill(operator.password);
  await page.getByLabel("New password", { exact: true }).fill("too-short");
  await page.getByLabel("Confirm new password").fill("too-short!");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Use at least 12 characters.")).toBeVisible();
  await expect(page.getByText("The two new passwords are not the same.")).toBeVisible();

  await page.getByLabel("Current password").fill(`${operator.password}-wrong`);
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "current password" })).toHaveText(
    "The current password is not right.",
  );

  await page.getByLabel("Current password").fill(operator.password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status").filter({ hasText: "password is changed" })).toHaveText(
    "Your password is changed. Every other session is signed out.",
  );
  await expect(page.getByLabel("Current password")).toHaveValue("");
  // Better Auth replaced this browser's session with a new one: still signed in, and listed.
  await expect(sessionRows(page)).toHaveCount(1);
  await expect(sessionRows(page)).toContainText("This browser");
  await page.reload();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Change password" })).toBeVisible();

  const signInWith = (password: string) =>
    request.post("/api/auth/sign-in/email", {
      headers: { origin: baseURL ?? "" },
      data: { email: operator.email, password },
    });
  expect((await signInWith(operator.password)).status()).toBe(401);
  expect((await signInWith(newPassword)).ok()).toBe(true);
});

test("/account without a session sends the visitor to sign in", async ({ page }) => {
  await page.goto("/account");
  const url = new URL(page.url());
  expect(url.pathname).toBe("/sign-in");
  expect(url.searchParams.get("next")).toBe("/account");
  await expect(page.getByTestId("signed-in-operator")).toHaveCount(0);
});
