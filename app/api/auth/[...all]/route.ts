// Better Auth's endpoints (sign-in, sign-out, session): POST /api/auth/sign-in/email with JSON
// {email, password} answers with the session cookie. Public sign-up is off (lib/auth/auth.ts).
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { notStored } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// Its answers carry sessions and accounts: never stored.
const handler = async (request: Request) => notStored(await auth().handler(request));

export const { GET, POST } = toNextJsHandler(handler);
