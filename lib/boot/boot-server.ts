import "server-only";
import { auth } from "../auth/auth";
import { authSecret } from "../auth/auth-secret";
import { createOperator, operatorPasswordIs, resetOperatorPassword } from "../auth/operators";
import { sealLegacyChannelSecrets } from "../channels/channel-secret";
import { SecretBoxError } from "../crypto/secret-box";
import {
  loadSecretKey,
  SECRET_KEY_VARIABLE,
  SecretKeyFileError,
  setChannelSecretKey,
} from "../crypto/secret-key";
import { db } from "../db/client";
import { migrate } from "../db/migrate";
import { startDispatcherProcess } from "../dispatch/dispatcher-instance";
import { startRetention } from "../retention/start-retention";
import { InvalidSettingError } from "../settings/read-env";
import { type ServerSettings, serverSettingsFromEnv } from "./server-settings";

/**
 * Server start-up: read every setting (a bad one stops the start here), prepare the database
 * (see `prepareConsole`), then start the dispatcher that sends stored webhooks, in a process of
 * its own. The demo data is not the server's business: `npm start` seeds it before the server
 * starts (scripts/seed.mts).
 */
export async function bootServer(): Promise<void> {
  const settings = readSettingsOrExit();
  await prepareConsole(settings);
  if (settings.dispatcherEnabled) {
    // Its own process, which also runs the retention job (lib/boot/boot-worker.ts).
    startDispatcherProcess({ stopTimeoutMs: settings.dispatch.stopTimeoutMs });
  } else {
    startRetention(db(), settings.database, settings.retention);
  }
}

/**
 * What must hold before anything reads the database: pending migrations applied (so a fresh
 * machine needs no setup step), the key channel secrets are sealed with loaded (generating the
 * key file on first start without CONSOLE_SECRET_KEY), the secrets a database from before
 * encryption holds in plaintext sealed, and the console administrator of CONSOLE_ADMIN_EMAIL in
 * place. The server runs it at start, and so does the demo seed before it writes.
 */
export async function prepareConsole(settings: ServerSettings): Promise<void> {
  const { database } = settings;
  const { applied } = await migrate(database);
  const where = database.provider === "sqlite" ? database.filePath : "PostgreSQL";
  console.log(
    `[webhook-console] database ${database.provider} (${where}): ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`,
  );
  await prepareSecretKeyOrExit(settings);
  if (settings.consoleAdmin) await ensureConsoleAdmin(settings.consoleAdmin);
}

async function prepareSecretKeyOrExit({ secretKey }: ServerSettings): Promise<void> {
  try {
    const { key, created } = loadSecretKey(secretKey);
    if (secretKey.source === "file") {
      console.log(
        `[webhook-console] channel secrets: key ${created ? "generated into" : "read from"} ${secretKey.filePath}`,
      );
      if (process.env.NODE_ENV === "production") {
        console.warn(
          `[webhook-console] warning: the key that encrypts channel secrets is a file next to the data; in production, set ${SECRET_KEY_VARIABLE} from your secret store`,
        );
      }
    }
    setChannelSecretKey(key);
    const sealed = await sealLegacyChannelSecrets(db(), key);
    if (sealed > 0) console.log(`[webhook-console] encrypted ${sealed} plaintext channel secrets`);
  } catch (error) {
    if (!(error instanceof SecretKeyFileError || error instanceof SecretBoxError)) throw error;
    const hint =
      error instanceof SecretBoxError
        ? ` (the database's channel secrets were encrypted with another key than ${secretKey.source === "env" ? SECRET_KEY_VARIABLE : secretKey.filePath})`
        : "";
    console.error(`[webhook-console] cannot start: ${error.message}${hint}`);
    process.exit(1);
  }
}

export function readSettingsOrExit(): ServerSettings {
  try {
    const settings = serverSettingsFromEnv();
    // BETTER_AUTH_SECRET, or the generated one in data/auth-secret (created here on first start).
    authSecret();
    return settings;
  } catch (error) {
    if (!(error instanceof InvalidSettingError)) throw error;
    // A misconfiguration, not a bug: say which variable, without a stack trace, and refuse to
    // serve rather than run with a setting the operator did not mean.
    console.error(`[webhook-console] cannot start: ${error.message}`);
    process.exit(1);
  }
}

/**
 * The console administrator of CONSOLE_ADMIN_EMAIL: created with CONSOLE_ADMIN_PASSWORD when
 * missing; otherwise made an administrator, and given that password if it has another (which
 * signs it out everywhere), so the variables are also how a lost admin password is reset.
 */
async function ensureConsoleAdmin({ email, password }: { email: string; password: string }) {
  const created = await createOperator(auth(), {
    email,
    name: "Console administrator",
    password,
    consoleAdmin: true,
  });
  if (created) {
    console.log(`[webhook-console] console administrator ${email} created`);
    return;
  }
  await db().user.update({ where: { email }, data: { consoleAdmin: true } });
  if (!(await operatorPasswordIs(auth(), email, password))) {
    await resetOperatorPassword(auth(), email, password);
    console.log(`[webhook-console] console administrator ${email}: password reset`);
  }
}
