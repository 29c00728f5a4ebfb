import { type Browser, type BrowserContext, expect, type Page } from "@playwright/test";

type Credentials = { email: string; password: string };

/**
 * A browser of its own, signed in as `operator` through the sign-in endpoint: for a test that
 * watches the console as a second operator (a Member, a Viewer) beside the worker's own page, or
 * as the same operator in another browser. `locale` is the language it asks for (en-US).
 */
export async function signedInBrowser(
  browser: Browser,
  baseURL: string | undefined,
  operator: Credentials,
  { locale }: { locale?: string } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    locale,
    storageState: { cookies: [], origins: [] },
  });
  const response = await context.request.post("/api/auth/sign-in/email", {
    data: operator,
    headers: { origin: new URL(baseURL ?? "").origin },
  });
  expect(response.status(), `sign in as ${operator.email}`).toBe(200);
  return { context, page: await context.newPage() };
}
