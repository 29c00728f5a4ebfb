// The console's pages under their nonce-based Content-Security-Policy (proxy.ts), in Chromium:
// everything a page needs runs, and nothing the policy refuses is attempted. Each page records
// every `securitypolicyviolation` event; the `page` fixture fails a test on any console error as
// well, which is how Chromium reports a refused script or style.
import { type Page, test as plainTest } from "@playwright/test";
import { refusedPort } from "../lib/dev/testing/fault-lab";
import { expect, test } from "./fixtures";
import { webhookUrlOf } from "./support/console-api";

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** Collects the page's CSP violations from its first script on, across navigations. */
async function recordViolations(page: Page) {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.cspViolations?.push(`${event.violatedDirective}: ${event.blockedURI || "inline"}`);
    });
  });
}

const violations = (page: Page) => page.evaluate(() => window.cspViolations ?? []);

test("every console page works with no CSP violation: lists, tabs and the Statistics chart", async ({
  page,
  api,
  freshChannel: { provider, channel },
  statistics,
}) => {
  await recordViolations(page);
  // Failed attempts counted, so the Statistics tab draws its chart.
  const closed = await refusedPort();
  await api.updateChannel(channel.id, {
    useWebhook: true,
    errorStatisticsAggregation: true,
    webhookUrl: webhookUrlOf(closed),
  });
  await api.sendTextsAndWait(channel.id, 2, "csp");

  await page.goto("/console");
  await expect(page.getByRole("heading", { level: 1, name: "Providers" })).toBeVisible();
  await page
    .getByRole("list", { name: "Providers" })
    .getByRole("link")
    .filter({ hasText: `ID ${provider.id}` })
    .click();
  await expect(page).toHaveURL(`/console/provider/${provider.id}`);
  await page.getByRole("list", { name: "Channels" }).getByRole("link").click();
  await expect(page).toHaveURL(`/console/channel/${channel.id}/basics`);
  const tabs = page.getByRole("navigation", { name: "Channel settings" });
  for (const tab of ["Messaging API", "Statistics", "Basic settings", "Statistics"]) {
    await tabs.getByRole("link", { name: tab }).click();
    await expect(tabs.getByRole("link", { name: tab })).toHaveAttribute("aria-current", "page");
  }
  await expect(statistics.chart).toBeVisible();
  expect(await violations(page)).toEqual([]);

  // Loaded directly too, not only through client-side navigation.
  for (const path of [
    `/console/provider/${provider.id}`,
    `/console/channel/${channel.id}/basics`,
    `/console/channel/${channel.id}/messaging-api`,
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await violations(page), path).toEqual([]);
  }
  await statistics.goto();
  await expect(statistics.chart).toBeVisible();
  expect(await violations(page)).toEqual([]);

  await page.goto("/no-such-page");
  await page.getByRole("link", { name: "Back to providers" }).click();
  await expect(page).toHaveURL("/console");
  expect(await violations(page)).toEqual([]);
});

// Without the fixture's console check: the refusal this proves is reported as a console error.
// Signed out, on the sign-in page: the page anyone can reach is where injected markup would do most.
plainTest("markup injected into a page cannot run a script", async ({ page }) => {
  await recordViolations(page);
  // The console's own answer, with a script and an inline handler added to its markup, as a
  // flaw that let text through unescaped would add them; its policy header kept as it came.
  await page.route("**/sign-in", async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "<body",
      '<body><script>window.injectedRan = true</script><img src="/none" onerror="window.injectedRan = true"',
    );
    await route.fulfill({ response, body: html });
  });
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  // The page's own scripts, carrying the nonce, ran: Next's client started.
  await expect.poll(() => page.evaluate(() => "next" in window)).toBe(true);
  const ran = await page.evaluate(
    () => (window as unknown as { injectedRan?: boolean }).injectedRan === true,
  );
  expect(ran).toBe(false);
  const seen = await violations(page);
  expect(seen.filter((line) => line.startsWith("script-src")).length).toBeGreaterThan(0);
});
