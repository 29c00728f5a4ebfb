// How the console pages through an audit log. Pure: the server pages read the first page with
// the same size as the browser asks for the next ones.

import { endpointUrl } from "@/components/data/endpoint-client";
import { channelAudit } from "@/lib/http/endpoints/channels";
import { providerAudit } from "@/lib/http/endpoints/providers";

export const AUDIT_PAGE_SIZE = 50;

/** Whose log: a channel's own entries, or a provider's with its channels' included. */
export type AuditScope = { channelId: string } | { providerId: string };

/** The API path of a page of the log: the newest entries, or those older than `before`. */
export function auditPageUrl(
  scope: AuditScope,
  before: string | null,
  limit = AUDIT_PAGE_SIZE,
): string {
  const query = { limit, before };
  return "channelId" in scope
    ? endpointUrl(channelAudit, { params: scope, query })
    : endpointUrl(providerAudit, { params: scope, query });
}
