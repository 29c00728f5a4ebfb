import "server-only";
import { isSealed, openSecret, sealSecret } from "../crypto/secret-box";
import { channelSecretKey } from "../crypto/secret-key";
import type { Db } from "../db/client";

// Every read and write of Channel.channelSecret goes through here: the column holds the secret
// sealed with the console's key (lib/crypto/secret-box.ts), never the secret itself.

/** The value to store in Channel.channelSecret for `plaintext`. */
export function sealChannelSecret(
  channelId: string,
  plaintext: string,
  key: Buffer = channelSecretKey(),
): string {
  return sealSecret(key, channelId, plaintext);
}

/** The plaintext secret of a channel row (a legacy plaintext value is read as it is). */
export function openChannelSecret(
  channel: { id: string; channelSecret: string },
  key: Buffer = channelSecretKey(),
): string {
  return openSecret(key, channel.id, channel.channelSecret);
}

/**
 * Start-up pass: seals every channel secret still stored as plaintext (databases from before
 * encryption), and checks that every sealed one opens with `key`, so that a wrong
 * CONSOLE_SECRET_KEY stops the start instead of every webhook. Idempotent. A row changed in the
 * meantime (a reissued secret) is left as its writer left it.
 */
export async function sealLegacyChannelSecrets(db: Db, key: Buffer): Promise<number> {
  const rows = await db.channel.findMany({ select: { id: true, channelSecret: true } });
  let sealed = 0;
  for (const row of rows) {
    if (isSealed(row.channelSecret)) {
      openChannelSecret(row, key);
      continue;
    }
    const { count } = await db.channel.updateMany({
      where: { id: row.id, channelSecret: row.channelSecret },
      data: { channelSecret: sealChannelSecret(row.id, row.channelSecret, key) },
    });
    sealed += count;
  }
  return sealed;
}
