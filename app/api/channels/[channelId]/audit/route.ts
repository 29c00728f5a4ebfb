import { listAudit } from "@/lib/audit/list-audit";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { listAuditInput } from "@/lib/http/page-input";
import { parseSearchParams } from "@/lib/http/parse";

/** The channel's audit log, newest first. */
export const GET = route<{ channelId: string }>(async (request, { channelId }) => {
  const query = parseSearchParams(request, listAuditInput);
  return Response.json(await listAudit(db(), { channelId }, query));
});
