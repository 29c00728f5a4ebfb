// How the console pages through an audit log. Pure: the server pages read the first page with
// the same size as the browser asks for the next ones.

import { newestFirstPageUrl } from "@/components/data/newest-first-page-url";

export const AUDIT_PAGE_SIZE = 50;

/** Whose log: a channel's own entries, or a provider's with its channels' included. */
export type AuditScope = { channelId: string } | { providerId: string };

/** The API path of a page of the log: the newest entries, or those older than `before`. */
export function auditPageUrl(
  scope: AuditScope,
  before: string | null,
  limit = AUDIT_PAGE_SIZE,
): string {
  const base =
    "channelId" in scope
      ? `/api/channels/${encodeURIComponent(scope.channelId)}/audit`
      : `/api/providers/${encodeURIComponent(scope.providerId)}/audit`;
  return newestFirstPageUrl(base, before, limit);
}
