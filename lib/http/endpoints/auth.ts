import { endpoint } from "../endpoint";

// Better Auth's endpoints (sign-in, sign-out, sessions, password, two-factor), served by its own
// handler behind lib/http/auth-gate.ts, which holds the allowlist of paths and their bodies.
export const authGet = endpoint()({ method: "GET", path: "/api/auth/[...all]", access: "public" });
export const authPost = endpoint()({
  method: "POST",
  path: "/api/auth/[...all]",
  access: "public",
});
