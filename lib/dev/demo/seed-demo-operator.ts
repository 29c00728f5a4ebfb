import "server-only";
import { auth } from "../../auth/auth";
import { createOperator, DEMO_OPERATOR_EMAIL } from "../../auth/operators";
import type { Db } from "../../db/client";

/**
 * The demo operator, created when missing, with a password from the CSPRNG that is printed here
 * and stored nowhere but as its hash (scripts/start.mjs repeats these lines next to the URLs).
 * A console administrator, so it sees whatever a demo creates; the demo provider's Admin too.
 */
export async function seedDemoOperator(db: Db): Promise<string> {
  const created = await createOperator(auth(), {
    email: DEMO_OPERATOR_EMAIL,
    name: "Demo operator",
    consoleAdmin: true,
  });
  if (created) {
    console.log(
      `[webhook-console] demo operator created: sign in as ${created.email} with password ${created.password}`,
    );
  } else {
    console.log(
      `[webhook-console] demo operator ${DEMO_OPERATOR_EMAIL} exists; its password was printed when it was created (new one: npm run operator -- reset-password ${DEMO_OPERATOR_EMAIL})`,
    );
  }
  const { id } = await db.user.findUniqueOrThrow({ where: { email: DEMO_OPERATOR_EMAIL } });
  return id;
}
