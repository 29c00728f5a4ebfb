import { canWrite } from "@/lib/db/readiness";
import { sql } from "@/lib/db/sql-driver";
import { healthReady } from "@/lib/http/endpoints/health";
import { route } from "@/lib/http/handler";

/**
 * Readiness, without credentials, for a load balancer: 200 when the database can be written
 * (a row of its own, committed within 2 s), 503 when it cannot: down, locked, full or read-only.
 * Says nothing else about the console.
 */
export const GET = route(healthReady, async () => {
  if (await canWrite(sql())) {
    return Response.json({ status: "ready" }, { headers: { "cache-control": "no-store" } });
  }
  return Response.json(
    { status: "unavailable" },
    { status: 503, headers: { "cache-control": "no-store", "retry-after": "5" } },
  );
});
