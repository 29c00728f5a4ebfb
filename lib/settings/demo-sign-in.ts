// The demo operator's email, which `npm start` (scripts/start.mjs) passes to the console it starts
// after seeding the demo data, so the sign-in page can say where that operator's password is: the
// terminal that ran it. Unset in any other start, and then the page says nothing of a demo.
import { type Env, optionalSetting } from "./read-env";

/** DEMO_OPERATOR_EMAIL, or null. */
export function demoOperatorEmailFromEnv(env: Env = process.env): string | null {
  return optionalSetting(env, "DEMO_OPERATOR_EMAIL");
}
