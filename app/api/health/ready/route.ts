import { db } from "@/lib/db/client";
import { route } from "@/lib/http/handler";

/**
 * Readiness, without credentials, for a load balancer: 200 when the database answers, 503 when it
 * does not. Says nothing else about the console.
 */
export const GET = route(async () => {
  try {
    await db().$queryRaw`SELECT 1`;
    return Response.json({ status: "ready" }, { headers: { "cache-control": "no-store" } });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
});
