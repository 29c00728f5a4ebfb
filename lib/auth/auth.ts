// Operators' accounts: Better Auth with email and password, sessions in the console's own database
// through its Prisma adapter (ADR 12). This step signs operators in and out; no route requires a
// session yet.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createDbClient, type Db, db } from "../db/client";
import { type DatabaseConfig, resolveDatabaseConfig } from "../db/config";
import { httpServerSettingsFromEnv } from "../http/http-server-settings";
import { authSecret } from "./auth-secret";

/**
 * The header scripts/serve.mjs sets to the address the connection comes from (dropping any value
 * a client sent): the rate limiter's key. X-Forwarded-For is not read, as any client can write it.
 */
export const CLIENT_ADDRESS_HEADER = "x-webhook-console-client-address";

/** Sessions last a week; one in use is extended once a day. */
const SESSION_SECONDS = 7 * 24 * 60 * 60;

export interface AuthSettings {
  /** The console's origins (CONSOLE_ORIGIN): the only origins that may sign in with a browser. */
  origins: readonly string[];
  /** Signs session cookies. */
  secret: string;
}

export function authSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  return { origins: httpServerSettingsFromEnv(env).origins, secret: authSecret(env) };
}

export function createAuth(
  database: Db,
  databaseConfig: DatabaseConfig,
  { origins, secret }: AuthSettings,
) {
  const [baseOrigin = "http://localhost:3000"] = origins;
  return betterAuth({
    appName: "Webhook Console",
    baseURL: baseOrigin,
    basePath: "/api/auth",
    secret,
    trustedOrigins: [...origins],
    database: prismaAdapter(database, {
      provider: databaseConfig.provider === "postgres" ? "postgresql" : "sqlite",
    }),
    emailAndPassword: {
      enabled: true,
      // Operators are created by the console's own tools (npm run operator, the demo seed), and
      // later invited; nobody signs themselves up.
      disableSignUp: true,
      minPasswordLength: 12,
    },
    session: { expiresIn: SESSION_SECONDS, updateAge: 24 * 60 * 60 },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "authRateLimit",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
    advanced: {
      cookiePrefix: "webhook-console",
      // Secure (and the __Secure- prefix) when the console is served over https.
      useSecureCookies: baseOrigin.startsWith("https:"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
  });
}

export type Auth = ReturnType<typeof createAuth>;

// One instance per process, as for the database client.
const processWide = globalThis as typeof globalThis & { webhookConsoleAuth?: Auth };

/** The console's auth instance, on the process's database (lib/db/client.ts). */
export function auth(): Auth {
  processWide.webhookConsoleAuth ??= createAuth(
    db(),
    resolveDatabaseConfig(),
    authSettingsFromEnv(),
  );
  return processWide.webhookConsoleAuth;
}

/** For scripts: an auth instance on its own client, closed with `close()`. */
export function createStandaloneAuth(config: DatabaseConfig = resolveDatabaseConfig()) {
  const client = createDbClient(config);
  return {
    auth: createAuth(client, config, authSettingsFromEnv()),
    close: () => client.$disconnect(),
  };
}
