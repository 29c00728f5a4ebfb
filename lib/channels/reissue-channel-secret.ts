import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { InvalidInputError } from "../errors";
import { sealChannelSecret, sealedSecretInForce } from "./channel-secret";
import { generateSecretFor } from "./credentials";
import { findChannelOrThrow } from "./find-channel";

/** How far ahead a reissue may be scheduled. */
export const MAX_SECRET_SWITCH_DAYS = 30;

/**
 * Replaces the channel secret: at once, or at `switchAt`, with the current secret signing every
 * webhook until then (a webhook carries one signature, so the two are never used side by side).
 * The new secret is returned now, so the bot can be given it before it takes over. A second
 * reissue replaces a scheduled one; one whose time has come is the current secret by then.
 */
export async function reissueChannelSecret(
  db: Db,
  channelId: string,
  actor: string,
  { switchAt, now = new Date() }: { switchAt?: Date; now?: Date } = {},
) {
  if (switchAt && switchAt.getTime() > now.getTime() + MAX_SECRET_SWITCH_DAYS * 86_400_000) {
    throw InvalidInputError.of("switchAt", `must be within ${MAX_SECRET_SWITCH_DAYS} days`);
  }
  const scheduled = switchAt !== undefined && switchAt > now;
  const channelSecret = await db.$transaction(async (tx) => {
    const channel = await findChannelOrThrow(tx, channelId);
    const channelSecret = generateSecretFor(channel.kind);
    const sealed = sealChannelSecret(channelId, channelSecret);
    // A scheduled secret whose time has come is the current one: it stays so.
    const current = sealedSecretInForce(channel, now);
    await tx.channel.update({
      where: { id: channelId },
      data: scheduled
        ? { channelSecret: current, nextChannelSecret: sealed, nextChannelSecretAt: switchAt }
        : { channelSecret: sealed, nextChannelSecret: null, nextChannelSecretAt: null },
    });
    await recordAudit(tx, {
      providerId: channel.providerId,
      channelId,
      actor,
      action: "channel_secret.reissued",
      detail: scheduled ? { switchesAt: switchAt.toISOString() } : {},
    });
    return channelSecret;
  });
  return { channelSecret, switchesAt: scheduled ? switchAt.toISOString() : null };
}
