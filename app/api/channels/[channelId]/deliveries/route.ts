import { db } from "@/lib/db/client";
import { listDeliveries } from "@/lib/deliveries/list-deliveries";
import * as endpoints from "@/lib/http/endpoints/deliveries";
import { route } from "@/lib/http/handler";

export const GET = route(endpoints.listDeliveries, async ({ params, query }) =>
  Response.json(await listDeliveries(db(), params.channelId, query)),
);
