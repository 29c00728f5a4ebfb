// What route handlers reach through process-wide handles (lib/db, lib/auth), for tests that call
// handlers directly on a database of their own, and signing in through Better Auth's handler.
import "server-only";
import { expect } from "vitest";
import { CLIENT_ADDRESS_HEADER, type createAuth } from "../../auth/auth";
import type { SessionCache } from "../../auth/session-cache";
import type { Db } from "../../db/client";
import type { SqlConnection } from "../../db/sql";

export const TEST_ORIGIN = "http://127.0.0.1:3000";

export const processWide = globalThis as typeof globalThis & {
  webhookConsoleDb?: Db;
  webhookConsoleSql?: SqlConnection;
  webhookConsoleAuth?: unknown;
  webhookConsoleSessions?: SessionCache<unknown>;
};

/**
 * What the route handlers' process-wide handles are now, and a function that puts them back: a
 * test that points them at its own database restores them when it is done.
 */
export function saveProcessWide(): () => void {
  const saved = {
    webhookConsoleDb: processWide.webhookConsoleDb,
    webhookConsoleSql: processWide.webhookConsoleSql,
    webhookConsoleAuth: processWide.webhookConsoleAuth,
    webhookConsoleSessions: processWide.webhookConsoleSessions,
  };
  return () => {
    Object.assign(processWide, saved);
  };
}

/** Signs in with email and password; returns the session's Cookie header. */
export async function signIn(
  auth: ReturnType<typeof createAuth>,
  email: string,
  password: string,
): Promise<string> {
  const response = await auth.handler(
    new Request(`${TEST_ORIGIN}/api/auth/sign-in/email`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        origin: TEST_ORIGIN,
        [CLIENT_ADDRESS_HEADER]: "192.0.2.1",
      },
      body: JSON.stringify({ email, password }),
    }),
  );
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
}
