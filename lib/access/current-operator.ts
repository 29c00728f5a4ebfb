import "server-only";
import { auth } from "../auth/auth";
import type { OperatorActor } from "./actor";

/** The signed-in operator of a request, from its session cookie, or null. */
export async function currentOperator(requestHeaders: Headers): Promise<OperatorActor | null> {
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const { id, email, name, consoleAdmin } = session.user;
  return { kind: "operator", userId: id, email, name, consoleAdmin: consoleAdmin === true };
}
