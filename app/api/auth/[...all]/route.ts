// Better Auth's endpoints (sign-in, sign-out, sessions, password, two-factor): POST /api/auth/sign-in/email with JSON
// {email, password} answers with the session cookie. Public sign-up is off (lib/auth/auth.ts).
import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/lib/auth/auth";
import { gateAuthRequest } from "@/lib/http/auth-gate";
import { notStored, toErrorResponse } from "@/lib/http/respond";

export const dynamic = "force-dynamic";

// Only the endpoints the console uses, with its rules for their bodies (lib/http/auth-gate.ts).
// Its answers carry sessions and accounts: never stored.
const handler = async (request: Request) => {
  try {
    return notStored(await auth().handler(await gateAuthRequest(request)));
  } catch (thrown) {
    return toErrorResponse(thrown);
  }
};

export const { GET, POST } = toNextJsHandler(handler);
