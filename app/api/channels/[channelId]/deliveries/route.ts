import { db } from "@/lib/db/client";
import { listDeliveries, listDeliveriesQuery } from "@/lib/dispatch/list-deliveries";
import { route } from "@/lib/http/handler";
import { parseSearchParams } from "@/lib/http/parse";

export const GET = route<{ channelId: string }>(async (request, { channelId }) => {
  const query = parseSearchParams(request, listDeliveriesQuery);
  return Response.json(await listDeliveries(db(), channelId, query));
});
