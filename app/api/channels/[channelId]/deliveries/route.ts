import { db } from "@/lib/db/client";
import { listDeliveries } from "@/lib/dispatch/list-deliveries";
import { listDeliveriesInput } from "@/lib/http/deliveries-input";
import { route } from "@/lib/http/handler";
import { parseSearchParams } from "@/lib/http/parse";

export const GET = route<{ channelId: string }>(async (request, { channelId }) => {
  const query = parseSearchParams(request, listDeliveriesInput);
  return Response.json(await listDeliveries(db(), channelId, query));
});
