import "server-only";
import type { Db, DbTransaction } from "../db/client";
import { newMonotonicUlid } from "../ids/new-ulid";
import type { AuditAction, AuditDetail } from "./audit-actions";

export interface AuditRecord {
  providerId: string;
  /** Null (or left out) for a change to the provider itself. */
  channelId?: string | null;
  /** Who: lib/access/actor.ts `actorLabel`. */
  actor: string;
  action: AuditAction;
  detail?: AuditDetail;
}

/**
 * Adds entries to the audit log. Call it with the transaction that makes the change, so the log
 * never shows a change that did not happen, nor misses one that did.
 */
export async function recordAudit(
  db: Db | DbTransaction,
  ...records: readonly AuditRecord[]
): Promise<void> {
  if (records.length === 0) return;
  await db.auditEntry.createMany({
    data: records.map((record) => ({
      id: newMonotonicUlid(),
      providerId: record.providerId,
      channelId: record.channelId ?? null,
      actor: record.actor,
      action: record.action,
      detail: JSON.stringify(record.detail ?? {}),
    })),
  });
}
