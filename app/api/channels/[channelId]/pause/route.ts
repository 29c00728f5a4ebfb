import { actorLabel } from "@/lib/access/actor";
import { pauseSending } from "@/lib/channels/pause-sending";
import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/channels";
import { route } from "@/lib/http/handler";

/** Pause sending by hand: events are kept, none is sent until the channel is resumed. */
export const POST = route(endpoints.pauseSending, async ({ params, grant }) =>
  Response.json(await pauseSending(db(), params.channelId, actorLabel(grant.actor))),
);
