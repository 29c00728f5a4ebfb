import { messagingApi } from "@line/bot-sdk";
import { type APIRequestContext, test as base, expect } from "@playwright/test";
import { type DemoBot, startDemoBot } from "../lib/dev/demo-bot/demo-bot";
import { createOperatorVia } from "../lib/dev/testing/operator-factory";
import type { Locale } from "../lib/i18n/locales";
import { BasicSettingsPage } from "./pages/basic-settings-page";
import { MessagingApiPage } from "./pages/messaging-api-page";
import { StatisticsPage } from "./pages/statistics-page";
import {
  type ChannelView,
  ConsoleApi,
  invitationToken,
  type ProviderRole,
  type ProviderView,
} from "./support/console-api";
import { resolveE2eDatabaseUrl } from "./support/e2e-database";
import {
  conformanceProblems,
  type LineExchange,
  startLineApiRecorder,
} from "./support/line-conformance";

export { expect } from "@playwright/test";

/** What a signed-in browser or API client carries: the session cookie. */
type StorageState = Awaited<ReturnType<APIRequestContext["storageState"]>>;

interface WorkerFixtures {
  /**
   * The operator every test of this worker acts as, unless it asks for another: made once per
   * worker (`npm run operator -- create`) and signed in through the sign-in endpoint, as a script
   * would. Each test's providers are its own, so the worker's tests share it safely.
   */
  workerOperator: { email: string; password: string; storageState: StorageState };
}

interface Fixtures {
  /**
   * The console's language for this test's browser: "en" (Accept-Language en-US, as Playwright's
   * default) or "ja" (ja-JP). The page objects below find their elements by its text.
   */
  uiLocale: Locale;
  /**
   * The worker operator's session cookie as a `Cookie` header value, for raw requests
   * (support/raw-http.ts) that must act as a signed-in browser would.
   */
  sessionCookie: string;
  /**
   * An API client on the e2e server signed in as `workerOperator`, sending the console's Origin
   * (a request with the session cookie must). For another operator: `requestAs(operator)`.
   */
  requestAs: (operator: { email: string; password: string }) => Promise<APIRequestContext>;
  /** The console's JSON API on the e2e server. */
  api: ConsoleApi;
  /** The console's JSON API signed in as nobody (accepting an invitation that creates an account). */
  guestApi: ConsoleApi;
  /**
   * Makes an operator a member of a provider as the console does: `api`'s operator (an Admin of
   * it) invites them, and they accept the link signed in as themselves.
   */
  join: (
    providerId: string,
    operator: { email: string; password: string },
    role: ProviderRole,
  ) => Promise<void>;
  /** A name no other test (in any worker, in any run on this database) uses. */
  uniqueName: (prefix: string) => string;
  /** An email address no other test uses, made from a unique name (`alerts-w0-…@e2e.test`). */
  uniqueEmail: (prefix: string) => string;
  /**
   * A fresh operator account, made as an operator would make one (`npm run operator -- create`)
   * on the e2e server's database: public sign-up is off, so there is no API for it.
   */
  operator: { email: string; password: string };
  /** A fresh provider with one fresh channel (all settings off), made through the API. */
  freshChannel: { provider: ProviderView; channel: ChannelView };
  /** The Messaging API tab of `freshChannel` (not opened yet: call goto()). */
  messagingApi: MessagingApiPage;
  /** The Statistics tab of `freshChannel` (not opened yet: call goto()). */
  statistics: StatisticsPage;
  /** The Basic settings tab of `freshChannel` (not opened yet: call goto()). */
  basicSettings: BasicSettingsPage;
  /**
   * A demo bot on 127.0.0.1 (mode "ok") checking signatures with `freshChannel`'s secret; the
   * channel is not pointed at it (tests choose the settings). Closed after the test.
   */
  demoBot: DemoBot;
  /**
   * The LINE-compatible API (/v2) through a recording proxy: `request` and `client(token)` (the
   * official SDK) send through it, and when the test ends every answer must conform to LINE's
   * OpenAPI schemas and carry an X-Line-Request-Id (support/line-conformance.ts).
   */
  lineApi: {
    request: APIRequestContext;
    client: (channelAccessToken: string) => messagingApi.MessagingApiClient;
    exchanges: LineExchange[];
  };
}

let counter = 0;

/**
 * Creates an operator on the e2e server's database (or `databaseUrl`'s), as an operator would by
 * hand with `npm run operator -- create` (through the same function, in one process per worker).
 */
export function createOperator(
  email: string,
  databaseUrl = resolveE2eDatabaseUrl(Number(process.env.E2E_PORT ?? 3210)),
): Promise<{ email: string; password: string }> {
  return createOperatorVia(databaseUrl, email);
}

/** The database of the e2e console at `baseURL` (the property tests' console has its own). */
const databaseOf = (baseURL: string) => resolveE2eDatabaseUrl(Number(new URL(baseURL).port));

/**
 * An API client signed in as `operator` through POST /api/auth/sign-in/email. It sends the
 * console's Origin with every request, as the console's own pages do: a request carrying the
 * session cookie without one is refused as possibly cross-site.
 */
export async function signedInRequest(
  playwright: { request: { newContext: typeof import("@playwright/test").request.newContext } },
  baseURL: string,
  operator: { email: string; password: string },
): Promise<APIRequestContext> {
  const request = await playwright.request.newContext({
    baseURL,
    extraHTTPHeaders: { connection: "close", origin: baseURL },
  });
  const response = await request.post("/api/auth/sign-in/email", {
    data: { email: operator.email, password: operator.password },
  });
  expect(response.status(), `sign in as ${operator.email}`).toBe(200);
  return request;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  workerOperator: [
    async ({ playwright }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      if (!baseURL) throw new Error("playwright.config.ts sets baseURL");
      const email = `worker-${workerInfo.workerIndex}-${Date.now().toString(36)}@e2e.test`;
      const operator = await createOperator(email, databaseOf(baseURL));
      const request = await signedInRequest(playwright, baseURL, operator);
      const storageState = await request.storageState();
      await request.dispose();
      await use({ ...operator, storageState });
    },
    { scope: "worker" },
  ],
  // Browser pages start signed in as the worker's operator; a spec about signing in asks for a
  // fresh browser with `test.use({ storageState: { cookies: [], origins: [] } })`.
  storageState: async ({ workerOperator }, use) => {
    await use(workerOperator.storageState);
  },
  // Any uncaught exception or console error in the browser (a hydration mismatch, a React
  // warning) fails the test. Failed requests are left out: some tests cause them on purpose.
  page: async ({ page }, use) => {
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
        problems.push(`console.error: ${message.text()}`);
      }
    });
    await use(page);
    expect(problems, "errors in the browser").toEqual([]);
  },
  // One connection per API call. Next's server drops idle keep-alive connections after 5 s; on
  // a busy machine the client can reuse one it has not yet seen closed, and the call fails
  // with ECONNRESET (seen when a test spent over 5 s in the browser between two API calls).
  request: async ({ playwright, baseURL, workerOperator }, use) => {
    const request = await playwright.request.newContext({
      baseURL,
      storageState: workerOperator.storageState,
      extraHTTPHeaders: { connection: "close", ...(baseURL ? { origin: baseURL } : {}) },
    });
    await use(request);
    await request.dispose();
  },
  sessionCookie: async ({ workerOperator }, use) => {
    await use(
      workerOperator.storageState.cookies.map(({ name, value }) => `${name}=${value}`).join("; "),
    );
  },
  requestAs: async ({ playwright, baseURL }, use) => {
    if (!baseURL) throw new Error("playwright.config.ts sets baseURL");
    const opened: APIRequestContext[] = [];
    await use(async (operator) => {
      const request = await signedInRequest(playwright, baseURL, operator);
      opened.push(request);
      return request;
    });
    await Promise.all(opened.map((request) => request.dispose()));
  },
  api: async ({ request }, use) => {
    await use(new ConsoleApi(request));
  },
  guestApi: async ({ playwright, baseURL }, use) => {
    const request = await playwright.request.newContext({
      baseURL,
      // Not the worker operator's session, which request contexts made here inherit otherwise.
      storageState: { cookies: [], origins: [] },
      extraHTTPHeaders: { connection: "close", ...(baseURL ? { origin: baseURL } : {}) },
    });
    await use(new ConsoleApi(request));
    await request.dispose();
  },
  join: async ({ api, requestAs }, use) => {
    await use(async (providerId, operator, role) => {
      const token = invitationToken(await api.addMember(providerId, operator.email, role));
      await new ConsoleApi(await requestAs(operator)).acceptInvitation({ token });
    });
  },
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures need the destructuring.
  uniqueName: async ({}, use, testInfo) => {
    const run = Date.now().toString(36);
    await use((prefix) => {
      counter += 1;
      return `${prefix} w${testInfo.workerIndex}-${run}-${counter}`;
    });
  },
  uniqueEmail: async ({ uniqueName }, use) => {
    await use((prefix) => `${uniqueName(prefix).replaceAll(" ", "-").toLowerCase()}@e2e.test`);
  },
  operator: async ({ uniqueEmail, baseURL }, use) => {
    if (!baseURL) throw new Error("playwright.config.ts sets baseURL");
    await use(await createOperator(uniqueEmail("operator"), databaseOf(baseURL)));
  },
  // There is no delete API, so nothing is cleaned up: each run starts on a fresh database
  // (see playwright.config.ts) and the unique names keep parallel tests apart.
  freshChannel: async ({ api, uniqueName }, use) => {
    const provider = await api.createProvider(uniqueName("Provider"));
    const channel = await api.createChannel(provider.id, uniqueName("Channel"));
    await use({ provider, channel });
  },
  uiLocale: ["en", { option: true }],
  // The browser asks for the test's language, as a Japanese operator's browser would.
  locale: async ({ uiLocale }, use) => {
    await use(uiLocale === "ja" ? "ja-JP" : "en-US");
  },
  messagingApi: async ({ page, freshChannel, uiLocale }, use) => {
    await use(new MessagingApiPage(page, freshChannel.channel.id, uiLocale));
  },
  statistics: async ({ page, freshChannel, uiLocale }, use) => {
    await use(new StatisticsPage(page, freshChannel.channel.id, uiLocale));
  },
  basicSettings: async ({ page, freshChannel, uiLocale }, use) => {
    await use(new BasicSettingsPage(page, freshChannel.channel.id, uiLocale));
  },
  lineApi: async ({ playwright, baseURL }, use) => {
    if (!baseURL) throw new Error("playwright.config.ts sets baseURL");
    const recorder = await startLineApiRecorder(baseURL);
    const request = await playwright.request.newContext({
      baseURL: recorder.url,
      extraHTTPHeaders: { connection: "close" },
    });
    try {
      await use({
        request,
        client: (channelAccessToken) =>
          new messagingApi.MessagingApiClient({ channelAccessToken, baseURL: recorder.url }),
        exchanges: recorder.exchanges,
      });
      expect(recorder.exchanges.flatMap(conformanceProblems), "answers LINE's spec allows").toEqual(
        [],
      );
    } finally {
      await request.dispose();
      await recorder.close();
    }
  },
  demoBot: async ({ api, freshChannel }, use) => {
    const secret = await api.getChannelSecret(freshChannel.channel.id);
    const bot = await startDemoBot({ port: 0, channelSecret: async () => secret });
    try {
      await use(bot);
    } finally {
      await bot.close();
    }
  },
});
