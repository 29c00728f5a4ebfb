import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";
import { getProvider } from "@/lib/providers/get-provider";

export const GET = route<{ providerId: string }>(async (_request, { providerId }) =>
  Response.json(await getProvider(db(), providerId)),
);
