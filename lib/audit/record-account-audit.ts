import "server-only";
import type { Db } from "../db/client";
import type { AuditAction, AuditDetail } from "./audit-actions";
import { recordAudit } from "./record-audit";

/**
 * A change to an operator's own account that their colleagues should be able to see (two-factor
 * sign-in turned off, a recovery code used): written to the audit log of every provider the
 * operator is a member of, where that provider's Admins read it.
 */
export async function recordAccountAudit(
  db: Db,
  userId: string,
  actor: string,
  action: AuditAction,
  detail: AuditDetail = {},
): Promise<void> {
  const memberships = await db.providerMember.findMany({
    where: { userId },
    select: { providerId: true },
  });
  await recordAudit(
    db,
    ...memberships.map(({ providerId }) => ({ providerId, actor, action, detail })),
  );
}
