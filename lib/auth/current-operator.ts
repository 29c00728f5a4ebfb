import "server-only";
import { auth } from "./auth";

/** The signed-in operator of a request, from its session cookie, or null. */
export async function currentOperator(
  requestHeaders: Headers,
): Promise<{ email: string; name: string } | null> {
  const session = await auth().api.getSession({ headers: requestHeaders });
  return session ? { email: session.user.email, name: session.user.name } : null;
}
