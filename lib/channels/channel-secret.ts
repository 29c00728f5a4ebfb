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

/** A channel row's secret columns, as Prisma or the dispatcher's SQL reads them. */
export interface ChannelSecretColumns {
  id: string;
  channelSecret: string;
  nextChannelSecret?: string | null;
  nextChannelSecretAt?: Date | null;
}

/** Whether a scheduled secret has taken over by `now`. */
function nextSecretInForce(channel: ChannelSecretColumns, now: Date): boolean {
  return (
    channel.nextChannelSecret != null &&
    channel.nextChannelSecretAt != null &&
    channel.nextChannelSecretAt <= now
  );
}

/** The sealed value of the secret in force at `now`: the scheduled one once its time has come. */
export function sealedSecretInForce(channel: ChannelSecretColumns, now: Date): string {
  return nextSecretInForce(channel, now) && channel.nextChannelSecret
    ? channel.nextChannelSecret
    : channel.channelSecret;
}

/**
 * The plaintext secret a channel signs with at `now`: a scheduled secret once its time has come,
 * else the current one (a legacy plaintext value is read as it is).
 */
export function openChannelSecret(
  channel: ChannelSecretColumns,
  key: Buffer = channelSecretKey(),
  now: Date = new Date(),
): string {
  return openSecret(key, channel.id, sealedSecretInForce(channel, now));
}

/** The scheduled secret and when it takes over, while it has not yet; null otherwise. */
export function openScheduledSecret(
  channel: ChannelSecretColumns,
  key: Buffer = channelSecretKey(),
  now: Date = new Date(),
): { channelSecret: string; switchesAt: string } | null {
  if (!channel.nextChannelSecret || !channel.nextChannelSecretAt) return null;
  if (nextSecretInForce(channel, now)) return null;
  return {
    channelSecret: openSecret(key, channel.id, channel.nextChannelSecret),
    switchesAt: channel.nextChannelSecretAt.toISOString(),
  };
}

/**
 * Start-up pass: seals every channel secret still stored as plaintext (databases from before
 * encryption), and checks that every sealed one opens with `key`, so that a wrong
 * CONSOLE_SECRET_KEY stops the start instead of every webhook. Idempotent. A row changed in the
 * meantime (a reissued secret) is left as its writer left it.
 */
export async function sealLegacyChannelSecrets(db: Db, key: Buffer): Promise<number> {
  const rows = await db.channel.findMany({
    select: { id: true, channelSecret: true, nextChannelSecret: true },
  });
  let sealed = 0;
  for (const row of rows) {
    // A scheduled secret is only ever written sealed: it must open too.
    if (row.nextChannelSecret) openSecret(key, row.id, row.nextChannelSecret);
    if (isSealed(row.channelSecret)) {
      openSecret(key, row.id, row.channelSecret);
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
