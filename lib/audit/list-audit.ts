import "server-only";
import { createTranslator } from "use-intl/core";
import type { Db } from "../db/client";
import { MESSAGES } from "../i18n/messages";
import type { AuditDetail } from "./audit-actions";
import { wordAuditEntry } from "./audit-wording";

const ENGLISH = createTranslator({ locale: "en", messages: MESSAGES.en });

export interface ListAuditOptions {
  limit: number;
  /** An entry id (ULID): list entries older than it, for paging. */
  before?: string;
}

function parseDetail(text: string): AuditDetail {
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value)
      ? (value as AuditDetail)
      : {};
  } catch {
    return {};
  }
}

/**
 * A channel's audit log (`{ channelId }`), or a provider's whole log, its channels' entries
 * included (`{ providerId }`), newest first, with the cursor of the next page.
 */
export async function listAudit(
  db: Db,
  scope: { channelId: string } | { providerId: string },
  { limit, before }: ListAuditOptions,
) {
  const rows = await db.auditEntry.findMany({
    where: { ...scope, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: "desc" },
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  return {
    entries: page.map((row) => {
      const detail = parseDetail(row.detail);
      return {
        id: row.id,
        at: row.createdAt.toISOString(),
        actor: row.actor,
        action: row.action,
        channelId: row.channelId,
        /** In English, for API readers; the console words the entry in its reader's language. */
        summary: wordAuditEntry(ENGLISH, row.action, detail),
        detail,
      };
    }),
    nextBefore: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export type AuditLog = Awaited<ReturnType<typeof listAudit>>;
export type AuditEntryView = AuditLog["entries"][number];
