// The provider's members and pending invitations. The key sits under the provider's, so
// invalidating a provider (or every provider) refreshes its members too.
import { queryOptions } from "@tanstack/react-query";
import type { MemberList } from "@/lib/members/list-members";
import { providerKeys } from "./console-queries";
import { fetchJson } from "./fetch-json";

export type { InvitationView, MemberList, MemberView } from "@/lib/members/list-members";

export const memberKeys = {
  list: (providerId: string) => [...providerKeys.detail(providerId), "members"] as const,
};

/** GET /api/providers/{id}/members: `{members, invitations}`. */
export const membersQuery = (providerId: string) =>
  queryOptions({
    queryKey: memberKeys.list(providerId),
    queryFn: () => fetchJson<MemberList>(`/api/providers/${providerId}/members`),
  });
