import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { parseJsonBody } from "@/lib/http/parse";
import { createProvider } from "@/lib/providers/create-provider";
import { listProviders } from "@/lib/providers/list-providers";
import { createProviderInput } from "@/lib/providers/provider-input";

export const GET = route(async () => Response.json({ providers: await listProviders(db()) }));

export const POST = route(async (request) => {
  const input = await parseJsonBody(request, createProviderInput);
  return Response.json(await createProvider(db(), input), { status: 201 });
});
