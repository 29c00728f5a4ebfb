import { listAudit } from "@/lib/audit/list-audit";
import { db } from "@/lib/db/client";
import { providerAudit } from "@/lib/http/endpoints/providers";
import { route } from "@/lib/http/handler";

/** The provider's audit log, its channels' entries included, newest first. */
export const GET = route(providerAudit, async ({ params, query }) =>
  Response.json(await listAudit(db(), { providerId: params.providerId }, query)),
);
