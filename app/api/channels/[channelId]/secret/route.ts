import { actorLabel } from "@/lib/access/actor";
import { revealChannelSecret } from "@/lib/channels/get-channel";
import { reissueChannelSecret } from "@/lib/channels/reissue-channel-secret";
import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/channels";
import { route } from "@/lib/http/handler";

/** Reveal: the secret is not part of the channel resource, so it is not sent unasked. */
export const GET = route(endpoints.revealSecret, async ({ params, grant }) =>
  Response.json(await revealChannelSecret(db(), params.channelId, actorLabel(grant.actor)), {
    headers: { "cache-control": "no-store" },
  }),
);

/** Reissue: a new secret replaces the old one at once, or at the time asked for. */
export const POST = route(endpoints.reissueSecret, async ({ params, grant, body }) =>
  Response.json(
    await reissueChannelSecret(db(), params.channelId, actorLabel(grant.actor), {
      switchAt: body?.switchAt,
    }),
  ),
);
