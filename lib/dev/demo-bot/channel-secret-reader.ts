import "server-only";
import { getChannelSecret } from "../../channels/get-channel";
import {
  loadSecretKey,
  secretKeySettingFromEnv,
  setChannelSecretKey,
} from "../../crypto/secret-key";
import { createDbClient } from "../../db/client";
import { resolveDatabaseConfig } from "../../db/config";

/**
 * For the demo bot started beside the console: reads a channel's secret from the console's
 * database (DATABASE_URL) with the console's key (CONSOLE_SECRET_KEY or its key file), each time
 * it is called, so a reissued secret is picked up.
 */
export async function channelSecretReader(channelId: string, env: NodeJS.ProcessEnv = process.env) {
  const config = resolveDatabaseConfig(env.DATABASE_URL);
  setChannelSecretKey(loadSecretKey(secretKeySettingFromEnv(env, config)).key);
  const db = createDbClient(config);
  return async () => (await getChannelSecret(db, channelId)).channelSecret;
}
