// Operators' accounts: Better Auth with email and password, sessions in the console's own database
// through its Prisma adapter (ADR 13). Who may do what once signed in is lib/access (ADR 14).
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { createAuthMiddleware } from "better-auth/api";
import { createDbClient, type Db, db } from "../db/client";
import { type DatabaseConfig, resolveDatabaseConfig } from "../db/config";
import { httpServerSettingsFromEnv } from "../settings/http-server-settings";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "../shared/account-input";
import { authLogger, logAuthError } from "./auth-log";
import { authSecret } from "./auth-secret";
import { knownDeviceOf, rememberDevice } from "./known-device";
import { sessionCache } from "./session-cache";
import { limitSignIn, signInLimitPerMinuteFromEnv } from "./sign-in-limits";
import {
  afterTwoFactor,
  beforeTwoFactor,
  SECOND_FACTOR_PATHS,
  twoFactorPlugin,
} from "./two-factor";

/**
 * The header scripts/serve.mjs sets to the address the connection comes from (dropping any value
 * a client sent): the rate limiter's key. X-Forwarded-For is not read, as any client can write it.
 */
export const CLIENT_ADDRESS_HEADER = "x-webhook-console-client-address";

/** Better Auth's endpoints after which a cached session may no longer hold. */
const SESSION_ENDING_PATHS = new Set([
  "/sign-out",
  "/revoke-session",
  "/revoke-sessions",
  "/revoke-other-sessions",
  "/change-password",
  "/reset-password",
  "/set-password",
  "/change-email",
  "/update-user",
  "/delete-user",
  // Each replaces the session with one that says whether two-factor sign-in is on.
  "/two-factor/verify-totp",
  "/two-factor/disable",
]);

/** Where a browser finishes signing in: with the password, or with its second factor after it. */
/** The paths that make a session by signing in: the password, or the second factor after it. */
const SIGNED_IN_PATHS = new Set(["/sign-in/email", ...SECOND_FACTOR_PATHS]);

async function forgetSessions(): Promise<void> {
  sessionCache().clear();
}

/** Sessions last a week; one in use is extended once a day. */
const SESSION_SECONDS = 7 * 24 * 60 * 60;

export interface AuthSettings {
  /** SIGN_IN_LIMIT_PER_MINUTE: sign-in attempts per client address and minute (10). */
  signInLimitPerMinute?: number;
  /** The console's origins (CONSOLE_ORIGIN): the only origins that may sign in with a browser. */
  origins: readonly string[];
  /** Signs session cookies. */
  secret: string;
  /** How passwords are hashed and checked: Better Auth's scrypt unless given. */
  password?: PasswordHashing;
}

/** Better Auth's `emailAndPassword.password` option. */
export interface PasswordHashing {
  hash(password: string): Promise<string>;
  verify(input: { hash: string; password: string }): Promise<boolean>;
}

export function authSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  return {
    origins: httpServerSettingsFromEnv(env).origins,
    secret: authSecret(env),
    signInLimitPerMinute: signInLimitPerMinuteFromEnv(env),
  };
}

export function createAuth(
  database: Db,
  databaseConfig: DatabaseConfig,
  { origins, secret, signInLimitPerMinute = 10, password }: AuthSettings,
) {
  const [baseOrigin = "http://localhost:3000"] = origins;
  const secureCookies = baseOrigin.startsWith("https:");
  return betterAuth({
    appName: "Webhook Console",
    baseURL: baseOrigin,
    basePath: "/api/auth",
    secret,
    trustedOrigins: [...origins],
    database: prismaAdapter(database, {
      provider: databaseConfig.provider === "postgres" ? "postgresql" : "sqlite",
    }),
    user: {
      additionalFields: {
        // Set by the console's own tools only (CONSOLE_ADMIN_EMAIL, the demo seed): never input.
        consoleAdmin: { type: "boolean", required: false, defaultValue: false, input: false },
      },
    },
    emailAndPassword: {
      enabled: true,
      // Operators are created by the console's own tools (npm run operator, the demo seed), and
      // later invited; nobody signs themselves up.
      disableSignUp: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      ...(password ? { password } : {}),
    },
    session: {
      expiresIn: SESSION_SECONDS,
      updateAge: 24 * 60 * 60,
      // Better Auth lists an operator's sessions only for a sign-in under a day old by default;
      // the account page lists them for any session (only OAuth unlinking also checks this).
      freshAge: 0,
    },
    databaseHooks: {
      // However a session or an account changes, this process's cache of sessions forgets them
      // all (lib/auth/session-cache.ts): revocation takes effect at once here.
      session: { delete: { after: forgetSessions }, update: { after: forgetSessions } },
      user: { update: { after: forgetSessions }, delete: { after: forgetSessions } },
    },
    hooks: {
      // The same after the endpoints that end sessions in bulk (revoke-sessions, a password
      // change that signs out other devices), which need not pass through the hooks above.
      after: createAuthMiddleware(async (ctx) => {
        if (SESSION_ENDING_PATHS.has(ctx.path)) await forgetSessions();
        await afterTwoFactor(ctx, database);
        // A browser that signed in is known to this account from now on (lib/auth/known-device.ts).
        // With two-factor sign-in on, the password alone makes no session yet: the code does.
        // (This hook runs before the plugin's, which then withdraws the password's session.)
        const signedIn = ctx.context.newSession;
        const codeFollows =
          ctx.path === "/sign-in/email" &&
          (signedIn?.user as { twoFactorEnabled?: boolean } | undefined)?.twoFactorEnabled === true;
        if (SIGNED_IN_PATHS.has(ctx.path) && signedIn && !codeFollows) {
          await rememberDevice(ctx, secret, signedIn.user.email, secureCookies);
        }
      }),
      // The sign-in limits per account (lib/auth/sign-in-limits.ts), on top of Better Auth's
      // per-address limit.
      before: createAuthMiddleware(async (ctx) => {
        await beforeTwoFactor(ctx);
        if (ctx.path !== "/sign-in/email") return;
        const email = typeof ctx.body?.email === "string" ? ctx.body.email : "";
        await limitSignIn(database, {
          email,
          address: ctx.headers?.get(CLIENT_ADDRESS_HEADER) ?? "",
          knownDevice: await knownDeviceOf(ctx, secret, email),
        });
      }),
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      modelName: "authRateLimit",
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: signInLimitPerMinute } },
    },
    advanced: {
      cookiePrefix: "webhook-console",
      // Secure (and the __Secure- prefix) when the console is served over https.
      useSecureCookies: secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    telemetry: { enabled: false },
    logger: authLogger,
    onAPIError: { onError: logAuthError },
    plugins: [twoFactorPlugin()],
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
