import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";

/**
 * For load balancers and uptime checks, without credentials: 200 when the database answers,
 * 503 when it does not. Says nothing else about the console.
 */
export const GET = route(async () => {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
});
