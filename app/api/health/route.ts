import { health } from "@/lib/http/endpoints/health";
import { route } from "@/lib/http/handler";

/** Liveness, without credentials: the process answers. (Readiness: /api/health/ready.) */
export const GET = route(health, async () =>
  Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } }),
);
