// Creates operators for the e2e tests, one process per Playwright worker (operator-factory.ts):
// `npm run operator -- create` as a child process for each was two CPU-seconds of start-up per
// operator (tsx and the modules), and blocked the worker meanwhile. It does what that command
// does, through the same function, for each line {"email", "databaseUrl"} on stdin, and answers
// one line {"email", "password"} or {"error"}.
import "server-only";
import { createInterface } from "node:readline";
import { type Auth, createStandaloneAuth } from "../../auth/auth";
import { createOperator } from "../../auth/operators";
import { resolveDatabaseConfig } from "../../db/config";

/** One Better Auth per database, as each e2e console has its own. */
const auths = new Map<string, { auth: Auth; close: () => Promise<void> }>();

function authFor(databaseUrl: string) {
  let standalone = auths.get(databaseUrl);
  if (!standalone) {
    standalone = createStandaloneAuth(resolveDatabaseConfig(databaseUrl));
    auths.set(databaseUrl, standalone);
  }
  return standalone.auth;
}

async function answer(line: string): Promise<object> {
  try {
    const { email, databaseUrl } = JSON.parse(line) as { email: string; databaseUrl: string };
    const created = await createOperator(authFor(databaseUrl), { email });
    if (!created) return { error: `An operator with the email ${email} exists` };
    return { email: created.email, password: created.password };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

// One request at a time: a Playwright worker runs one test at a time.
for await (const line of createInterface({ input: process.stdin })) {
  process.stdout.write(`${JSON.stringify(await answer(line))}\n`);
}
for (const { close } of auths.values()) await close();
