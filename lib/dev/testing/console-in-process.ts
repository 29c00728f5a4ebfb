// The console's route handlers on a database of the test's own, in this process: what the contract
// tests (lib/http/contract/) need to call app/**/route.ts exports as Next would, with real
// Better Auth sessions. Each test gets a fresh migrated database, the handles the handlers reach
// (lib/db, lib/auth) pointed at it, and operators signed in through Better Auth's own handler.
import "server-only";
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { createAuth } from "../../auth/auth";
import { createOperator } from "../../auth/operators";
import { SessionCache } from "../../auth/session-cache";
import type { Db } from "../../db/client";
import type { Provider } from "../../db/migrations";
import type { SqlConnection } from "../../db/sql";
import { openSqlConnection } from "../../db/sql-driver";
import { ALLOW_PRIVATE_TARGETS } from "./allow-private-targets";
import { ContractApi } from "./contract-api";
import { CONTRACT_TEST_PASSWORD, memoizedPasswords } from "./memoized-passwords";
import { processWide, saveProcessWide, signIn, TEST_ORIGIN } from "./route-handles";
import { type TestDatabase, useTestDatabase } from "./test-database";

/**
 * The settings the e2e server runs with (playwright.config.ts), which the specs these tests came
 * from assume: http webhook URLs allowed, LINE's endpoint limit lowered to 50 a minute (so a test
 * needs 51 calls, not 1,001), sign-ins not held back, and bots on 127.0.0.1 reachable.
 */
export const E2E_SERVER_SETTINGS = {
  WEBHOOK_URL_REQUIRE_HTTPS: "false",
  WEBHOOK_ENDPOINT_LIMIT_PER_MINUTE: "50",
  SIGN_IN_LIMIT_PER_MINUTE: "600",
  ...ALLOW_PRIVATE_TARGETS,
} as const;

const AUTH_SECRET = "a-contract-test-secret-that-is-long-enough-0123";

/** An operator account, signed in: `cookie` is its session's Cookie header. */
export interface SignedInOperator {
  userId: string;
  email: string;
  password: string;
  cookie: string;
  /** The console's API as this operator. */
  api: ContractApi;
}

export interface ConsoleInProcess extends TestDatabase {
  auth: ReturnType<typeof createAuth>;
  /** Creates an operator (as `npm run operator -- create` does) and signs them in. */
  signedIn(email?: string): Promise<SignedInOperator>;
  /** The console's API signed in as nobody. */
  guest: ContractApi;
}

let operators = 0;

/**
 * Registers hooks that give each test its own console in process on `provider`'s database;
 * call the returned function inside a test to get it.
 */
export function useConsoleInProcess(provider: Provider): () => ConsoleInProcess {
  const database = useTestDatabase(provider);
  let current: ConsoleInProcess | undefined;
  let sql: SqlConnection | undefined;
  const restoreProcessWide = saveProcessWide();

  beforeAll(() => {
    for (const [name, value] of Object.entries(E2E_SERVER_SETTINGS)) vi.stubEnv(name, value);
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  beforeEach(() => {
    const test = database();
    sql = openSqlConnection(test.config);
    const auth = createAuth(test.db, test.config, {
      origins: [TEST_ORIGIN],
      secret: AUTH_SECRET,
      signInLimitPerMinute: Number(E2E_SERVER_SETTINGS.SIGN_IN_LIMIT_PER_MINUTE),
      password: memoizedPasswords,
    });
    wire(test.db, sql, auth);
    current = {
      ...test,
      auth,
      guest: new ContractApi(undefined),
      async signedIn(email = `operator-${++operators}@contract.test`) {
        const operator = await createOperator(auth, { email, password: CONTRACT_TEST_PASSWORD });
        if (!operator) throw new Error(`${email} exists already`);
        const cookie = await signIn(auth, operator.email, operator.password);
        return { ...operator, cookie, api: new ContractApi(cookie) };
      },
    };
  });

  afterEach(async () => {
    current = undefined;
    await sql?.close();
    sql = undefined;
    restoreProcessWide();
  });

  return () => {
    if (!current) throw new Error("useConsoleInProcess: no console outside a test");
    return current;
  };
}

/** Points the handles route handlers reach (lib/db, lib/auth) at the test's database. */
function wire(db: Db, sql: SqlConnection, auth: ReturnType<typeof createAuth>): void {
  processWide.webhookConsoleDb = db;
  processWide.webhookConsoleSql = sql;
  processWide.webhookConsoleAuth = auth;
  // A cache of its own: a session cached in another test's database must not be believed here.
  processWide.webhookConsoleSessions = new SessionCache();
}
