import { listAudit } from "@/lib/audit/list-audit";
import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { listAuditInput } from "@/lib/http/page-input";
import { parseSearchParams } from "@/lib/http/parse";

/** The provider's audit log, its channels' entries included, newest first. */
export const GET = route<{ providerId: string }>(async (request, { providerId }) => {
  const query = parseSearchParams(request, listAuditInput);
  return Response.json(await listAudit(db(), { providerId }, query));
});
