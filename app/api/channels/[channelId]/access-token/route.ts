import { actorLabel } from "@/lib/access/actor";
import { getChannelAccessTokenStatus } from "@/lib/access-tokens/get-channel-access-token-status";
import { issueChannelAccessToken } from "@/lib/access-tokens/issue-channel-access-token";
import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/channels";
import { route } from "@/lib/http/handler";

/** Whether a long-lived token is issued; the token itself is shown only when issued. */
export const GET = route(endpoints.getAccessTokenStatus, async ({ params }) =>
  Response.json(await getChannelAccessTokenStatus(db(), params.channelId), {
    headers: { "cache-control": "no-store" },
  }),
);

/** Issue or reissue: earlier tokens stop working at once, or after the grace period asked for. */
export const POST = route(endpoints.issueAccessToken, async ({ params, grant, body }) =>
  Response.json(
    await issueChannelAccessToken(db(), params.channelId, actorLabel(grant.actor), {
      oldTokenValidMinutes: body?.oldTokenValidMinutes ?? 0,
    }),
    { status: 201, headers: { "cache-control": "no-store" } },
  ),
);
