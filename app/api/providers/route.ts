import { requireOperator } from "@/lib/access/guard-request";
import { db } from "@/lib/db/client";
import { sql } from "@/lib/db/sql-driver";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { createProvider } from "@/lib/providers/create-provider";
import { listProviders } from "@/lib/providers/list-providers";
import { createProviderInput } from "@/lib/providers/provider-input";

/** The providers the operator is a member of (all of them, for console administrators). */
export const GET = route(async (_request, _params, grant) =>
  Response.json({ providers: await listProviders(sql(), requireOperator(grant)) }),
);

/** Any operator may create a provider, and becomes its first Admin. */
export const POST = route(async (request, _params, grant) => {
  const input = await parseJsonBody(request, createProviderInput);
  const operator = requireOperator(grant);
  const provider = await createProvider(db(), input, operator.email, operator.userId);
  return Response.json(provider, { status: 201 });
});
