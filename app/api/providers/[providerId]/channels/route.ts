import { actorLabel } from "@/lib/access/actor";
import { createChannel } from "@/lib/channels/create-channel";
import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/providers";
import { route } from "@/lib/http/handler";

export const POST = route(endpoints.createChannel, async ({ params, body, grant }) =>
  Response.json(await createChannel(db(), params.providerId, body, actorLabel(grant.actor)), {
    status: 201,
  }),
);
