import { actorLabel } from "@/lib/access/actor";
import { getChannelAccessTokenStatus } from "@/lib/access-tokens/get-channel-access-token-status";
import { issueChannelAccessToken } from "@/lib/access-tokens/issue-channel-access-token";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";

/** Whether a long-lived token is issued; the token itself is shown only when issued. */
export const GET = route<{ channelId: string }>(async (_request, { channelId }) =>
  Response.json(await getChannelAccessTokenStatus(db(), channelId), {
    headers: { "cache-control": "no-store" },
  }),
);

/** Issue or reissue: every earlier token of the channel stops working at once. */
export const POST = route<{ channelId: string }>(async (_request, { channelId }, grant) =>
  Response.json(await issueChannelAccessToken(db(), channelId, actorLabel(grant.actor)), {
    status: 201,
    headers: { "cache-control": "no-store" },
  }),
);
