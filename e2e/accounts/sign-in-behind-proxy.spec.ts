// Sign-in limits behind a reverse proxy, and without a lock on anyone's account: every connection comes from the proxy (here 127.0.0.1).
// With TRUSTED_PROXIES naming it, each client forwarded in X-Forwarded-For has a limit of its own,
// so one client's wrong passwords do not keep another out, and what a client writes to the left
// of the proxy's entry is not believed. Without the setting the header is not read: everyone
// behind the proxy shares one limit, and no client can escape it by writing the header.
// Consoles of the spec's own (a low limit, a fresh SQLite file each). Kept against real servers:
// the client's address is read from the connection and X-Forwarded-For by scripts/serve.mjs
// (lib/http/client-address.ts) before Next takes the request in, and TRUSTED_PROXIES is read when
// the server starts.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { APIResponse } from "@playwright/test";
import { startConsole } from "../../lib/dev/testing/console-process";
import { createOperator, expect, test } from "../fixtures";

const LIMIT = 3;

type SignIn = (forwardedFor: string, password: string) => Promise<APIResponse>;

/**
 * Runs `body` against a console of its own with `env`, signing in as its operator through the
 * proxy (127.0.0.1) with the X-Forwarded-For it is given; stops the console afterwards.
 */
async function withConsole(
  playwright: { request: { newContext: typeof import("@playwright/test").request.newContext } },
  env: Record<string, string>,
  body: (signIn: SignIn, operator: { email: string; password: string }) => Promise<void>,
  perMinute = LIMIT,
) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sign-in-proxy-"));
  const databaseUrl = `file:${path.join(dir, "console.db")}`;
  const served = await startConsole({
    DATABASE_URL: databaseUrl,
    SIGN_IN_LIMIT_PER_MINUTE: String(perMinute),
    // Only sign-ins here: no webhooks to send, so no dispatcher process to start.
    WEBHOOK_DISPATCHER: "off",
    ...env,
  });
  const request = await playwright.request.newContext({ baseURL: served.url });
  try {
    const operator = await createOperator(`proxy-${Date.now().toString(36)}@e2e.test`, databaseUrl);
    await body(
      (forwardedFor, password) =>
        request.post("/api/auth/sign-in/email", {
          headers: { origin: served.url, "x-forwarded-for": forwardedFor },
          data: { email: operator.email, password },
        }),
      operator,
    );
  } finally {
    await request.dispose();
    await served.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

test.describe("sign-in limits behind a reverse proxy", () => {
  test.setTimeout(120_000);

  test("with TRUSTED_PROXIES, each forwarded client has its own limit", async ({ playwright }) => {
    await withConsole(playwright, { TRUSTED_PROXIES: "127.0.0.1" }, async (signIn, operator) => {
      for (let i = 0; i < LIMIT; i++) {
        expect((await signIn("198.51.100.1", "a-wrong-password-1234")).status()).toBe(401);
      }
      expect((await signIn("198.51.100.1", operator.password)).status()).toBe(429);
      // Writing another address to the left of the proxy's entry does not make a new client.
      expect((await signIn("192.0.2.250, 198.51.100.1", operator.password)).status()).toBe(429);
      // Another client behind the same proxy signs in.
      expect((await signIn("198.51.100.2", operator.password)).status()).toBe(200);
    });
  });

  test("without it, X-Forwarded-For is not read: no client escapes the limit by writing it", async ({
    playwright,
  }) => {
    await withConsole(playwright, {}, async (signIn, operator) => {
      for (let i = 0; i < LIMIT; i++) {
        expect((await signIn(`198.51.100.${10 + i}`, "a-wrong-password-1234")).status()).toBe(401);
      }
      expect((await signIn("198.51.100.99", operator.password)).status()).toBe(429);
    });
  });

  test("someone guessing an operator's password elsewhere does not keep the operator out", async ({
    playwright,
  }) => {
    // The per-address limit (all accounts) out of the way: this is the per-account one.
    await withConsole(
      playwright,
      { TRUSTED_PROXIES: "127.0.0.1" },
      async (signIn, operator) => {
        for (let i = 0; i < 10; i++) {
          expect((await signIn("198.51.100.66", "a-wrong-password-1234")).status()).toBe(401);
        }
        // Guessing from there is held back, the right password included...
        const held = await signIn("198.51.100.66", operator.password);
        expect(held.status()).toBe(429);
        expect(held.headers()["retry-after"]).toMatch(/^\d+$/);
        // ...and the operator, from where they are, signs in.
        expect((await signIn("203.0.113.5", operator.password)).status()).toBe(200);
      },
      100,
    );
  });
});
