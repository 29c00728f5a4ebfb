// A channel's or a provider's audit log, newest first, read a page at a time: "Load older" asks
// for the entries before the last one shown (the answer's `nextBefore`).
import { infiniteQueryOptions } from "@tanstack/react-query";
import { type AuditScope, auditPageUrl } from "@/components/audit/audit-paging";
import type { AuditLog } from "@/lib/audit/list-audit";
import { channelAudit } from "@/lib/http/endpoints/channels";
import { providerAudit } from "@/lib/http/endpoints/providers";
import { endpointKey } from "./endpoint-client";
import { fetchJson } from "./fetch-json";

export type { AuditEntryView, AuditLog } from "@/lib/audit/list-audit";

export const auditKeys = {
  // Under the channel's or provider's key (its path), so refreshing either after a change
  // refreshes its log.
  log: (scope: AuditScope) =>
    "channelId" in scope ? endpointKey(channelAudit, scope) : endpointKey(providerAudit, scope),
};

export const auditLogQuery = (scope: AuditScope) =>
  infiniteQueryOptions({
    queryKey: auditKeys.log(scope),
    queryFn: ({ pageParam }) => fetchJson<AuditLog>(auditPageUrl(scope, pageParam)),
    initialPageParam: null as string | null,
    getNextPageParam: (lastPage) => lastPage.nextBefore,
  });
