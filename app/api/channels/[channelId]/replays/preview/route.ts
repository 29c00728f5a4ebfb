import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/replays";
import { route } from "@/lib/http/handler";
import { parseReplayFilter } from "@/lib/http/replay-filter";
import { previewReplay } from "@/lib/replay/replay-jobs";

/** The dry run of a replay: how many webhooks it would send, by state. Changes nothing. */
export const POST = route(endpoints.previewReplayJob, async ({ params, body }) =>
  Response.json(
    await previewReplay(
      db(),
      params.channelId,
      parseReplayFilter(body.filter),
      body.includeDelivered ?? false,
    ),
  ),
);
