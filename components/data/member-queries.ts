// The provider's members and pending invitations. The key sits under the provider's, so
// invalidating a provider (or every provider) refreshes its members too.
import { queryOptions } from "@tanstack/react-query";
import * as providers from "@/lib/http/endpoints/providers";
import { callEndpoint, endpointKey } from "./endpoint-client";

export type { InvitationView, MemberList, MemberView } from "@/lib/members/list-members";

export const memberKeys = {
  list: (providerId: string) => endpointKey(providers.listMembers, { providerId }),
};

/** GET /api/providers/{id}/members: `{members, invitations}`. */
export const membersQuery = (providerId: string) =>
  queryOptions({
    queryKey: memberKeys.list(providerId),
    queryFn: () => callEndpoint(providers.listMembers, { params: { providerId } }),
  });
