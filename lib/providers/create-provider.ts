import "server-only";
import { recordAudit } from "../audit/record-audit";
import { generateNumericId } from "../channels/credentials";
import type { Db } from "../db/client";
import { withFreshId } from "../db/unique";
import type { CreateProviderInput } from "./provider-input";
import { toProviderView } from "./provider-view";

/**
 * Creates a provider. `actor` is logged as its creator; `firstAdminUserId`, the operator who
 * creates it, becomes its first Admin (the demo seed makes one without, for console admins).
 */
export async function createProvider(
  db: Db,
  input: CreateProviderInput,
  actor: string,
  firstAdminUserId?: string,
) {
  const provider = await withFreshId(() =>
    db.$transaction(async (tx) => {
      const created = await tx.provider.create({
        data: { id: generateNumericId(), name: input.name },
      });
      if (firstAdminUserId) {
        await tx.providerMember.create({
          data: { providerId: created.id, userId: firstAdminUserId, role: "admin" },
        });
      }
      await recordAudit(tx, {
        providerId: created.id,
        actor,
        action: "provider.created",
        detail: { name: created.name },
      });
      return created;
    }),
  );
  return toProviderView(provider);
}
