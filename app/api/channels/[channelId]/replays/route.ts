import { actorLabel } from "@/lib/access/actor";
import { db } from "@/lib/db/client";
import * as endpoints from "@/lib/http/endpoints/replays";
import { route } from "@/lib/http/handler";
import { parseReplayFilter } from "@/lib/http/replay-filter";
import { listReplays, startReplay } from "@/lib/replay/replay-jobs";

/** The channel's replay jobs, newest first, with their progress. */
export const GET = route(endpoints.listReplayJobs, async ({ params }) =>
  Response.json(await listReplays(db(), params.channelId)),
);

/** Starts a replay by filter; the dispatcher processes run it. */
export const POST = route(endpoints.startReplayJob, async ({ params, body, grant }) => {
  const job = await startReplay(
    db(),
    params.channelId,
    {
      filters: parseReplayFilter(body.filter),
      includeDelivered: body.includeDelivered ?? false,
      ratePerSecond: body.ratePerSecond,
    },
    actorLabel(grant.actor),
  );
  return Response.json(job, { status: 201 });
});
