import { requireOperator } from "@/lib/access/guard-request";
import { db } from "@/lib/db/client";
import { sql } from "@/lib/db/sql-driver";
import * as endpoints from "@/lib/http/endpoints/providers";
import { route } from "@/lib/http/handler";
import { createProvider } from "@/lib/providers/create-provider";
import { listProviders } from "@/lib/providers/list-providers";

/** The providers the operator is a member of (all of them, for console administrators). */
export const GET = route(endpoints.listProviders, async ({ grant }) =>
  Response.json({ providers: await listProviders(sql(), requireOperator(grant)) }),
);

/** Any operator may create a provider, and becomes its first Admin. */
export const POST = route(endpoints.createProvider, async ({ body, grant }) => {
  const operator = requireOperator(grant);
  const provider = await createProvider(db(), body, operator.email, operator.userId);
  return Response.json(provider, { status: 201 });
});
