// Better Auth's endpoints (sign-in, sign-out, session): POST /api/auth/sign-in/email with JSON
// {email, password} answers with the session cookie. Public sign-up is off (lib/auth/auth.ts).
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";

export const dynamic = "force-dynamic";

const handler = (request: Request) => auth().handler(request);

export const { GET, POST } = toNextJsHandler(handler);
