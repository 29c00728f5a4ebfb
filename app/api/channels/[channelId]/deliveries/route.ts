import { db } from "@/lib/db/client";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import { route } from "@/lib/http/handler";
import { listDeliveriesInput } from "@/lib/http/page-input";
import { parseSearchParams } from "@/lib/http/parse";

export const GET = route<{ channelId: string }>(async (request, { channelId }) => {
  const query = parseSearchParams(request, listDeliveriesInput);
  return Response.json(await listDeliveries(db(), channelId, query));
});
