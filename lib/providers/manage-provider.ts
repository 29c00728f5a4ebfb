import "server-only";
import { recordAudit } from "../audit/record-audit";
import type { Db } from "../db/client";
import { NotFoundError } from "../errors";
import type { UpdateProviderInput } from "./provider-input";
import { toProviderView } from "./provider-view";

/** Renames a provider, logging the old and new names. */
export async function renameProvider(
  db: Db,
  providerId: string,
  input: UpdateProviderInput,
  actor: string,
) {
  const updated = await db.$transaction(async (tx) => {
    const current = await tx.provider.findUnique({ where: { id: providerId } });
    if (!current) throw new NotFoundError("Provider", providerId);
    if (current.name === input.name) return current;
    const renamed = await tx.provider.update({
      where: { id: providerId },
      data: { name: input.name },
    });
    await recordAudit(tx, {
      providerId,
      actor,
      action: "provider.renamed",
      detail: { from: current.name, to: input.name },
    });
    return renamed;
  });
  return toProviderView(updated);
}

/**
 * Deletes a provider with everything it holds: channels, their webhooks (so nothing more is
 * sent), attempts, statistics, tokens, members, invitations and its audit log, by the database's
 * cascades. The provider's log goes with it, so the deletion is logged by the server.
 */
export async function deleteProvider(db: Db, providerId: string, actor: string) {
  const deleted = await db.provider.deleteMany({ where: { id: providerId } });
  if (deleted.count === 0) throw new NotFoundError("Provider", providerId);
  console.log(
    `[webhook-console] audit: provider ${providerId} deleted by ${JSON.stringify(actor)}`,
  );
}
