import { endpoint } from "../endpoint";

/** Liveness, without credentials: the process answers. */
export const health = endpoint<{ status: "ok" }>()({
  method: "GET",
  path: "/api/health",
  access: "public",
});

/** Readiness: 200 when the database can be written, 503 when it cannot. */
export const healthReady = endpoint<{ status: "ready" | "unavailable" }>()({
  method: "GET",
  path: "/api/health/ready",
  access: "public",
});
