import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/replays";
import { route } from "@/lib/http/handler";
import { cancelReplay } from "@/lib/replay/replay-jobs";

/** Cancels a running replay: what it queued is still sent, nothing more is. */
export const POST = route(endpoints.cancelReplayJob, async ({ params, grant }) =>
  Response.json(
    await cancelReplay(db(), params.channelId, params.replayId, actorLabel(grant.actor)),
  ),
);
