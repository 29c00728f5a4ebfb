import "server-only";
import { auth } from "../auth/auth";
import { authSecret } from "../auth/auth-secret";
import { createOperator, DEMO_OPERATOR_EMAIL } from "../auth/operators";
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
import { seedDemo } from "../demo/seed-demo";
import { startDispatcher } from "../dispatch/dispatcher-instance";
import { InvalidSettingError } from "../settings/read-env";
import { type ServerSettings, serverSettingsFromEnv } from "./server-settings";

/**
 * Server start-up: read every setting (a bad one stops the start here), apply pending
 * migrations (so a fresh machine needs no setup step), load the key channel secrets are sealed
 * with (generating the key file on first start without CONSOLE_SECRET_KEY) and seal the secrets
 * a database from before encryption holds in plaintext, then, when asked for by
 * WEBHOOK_CONSOLE_SEED_DEMO=1 (`npm start` sets it), seed the demo data and the demo operator,
 * and start the dispatcher that sends stored webhooks.
 */
export async function bootServer(): Promise<void> {
  const settings = readSettingsOrExit();
  const { database } = settings;
  const { applied } = await migrate(database);
  const where = database.provider === "sqlite" ? database.filePath : "PostgreSQL";
  console.log(
    `[webhook-console] database ${database.provider} (${where}): ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`,
  );
  await prepareSecretKeyOrExit(settings);
  if (settings.seedDemo) {
    const seeded = await seedDemo(db(), { demoBotUrl: settings.demoBotUrl });
    if (seeded) {
      console.log(
        `[webhook-console] seeded demo provider ${seeded.providerId} with channel ${seeded.channelId}`,
      );
    }
  }
  if (settings.seedDemo) await seedDemoOperator();
  if (settings.dispatcherEnabled) {
    await startDispatcher(settings.dispatch);
    console.log("[webhook-console] dispatcher started");
  }
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

function readSettingsOrExit(): ServerSettings {
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
 * The demo operator, created when missing, with a password from the CSPRNG that is printed here
 * and stored nowhere but as its hash (scripts/start.mjs repeats these lines next to the URLs).
 */
async function seedDemoOperator(): Promise<void> {
  const created = await createOperator(auth(), {
    email: DEMO_OPERATOR_EMAIL,
    name: "Demo operator",
  });
  if (created) {
    console.log(
      `[webhook-console] demo operator created: sign in as ${created.email} with password ${created.password}`,
    );
  } else {
    console.log(
      `[webhook-console] demo operator ${DEMO_OPERATOR_EMAIL} exists; its password was printed when it was created (new one: npm run operator -- reset-password ${DEMO_OPERATOR_EMAIL})`,
    );
  }
}
