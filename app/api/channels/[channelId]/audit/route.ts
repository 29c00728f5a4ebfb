import { listAudit } from "@/lib/audit/list-audit";
import { db } from "@/lib/db/client";
import { channelAudit } from "@/lib/http/endpoints/channels";
import { route } from "@/lib/http/handler";

/** The channel's audit log, newest first. */
export const GET = route(channelAudit, async ({ params, query }) =>
  Response.json(await listAudit(db(), { channelId: params.channelId }, query)),
);
