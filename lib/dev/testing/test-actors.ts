import type { OperatorActor } from "../../access/actor";

/** A console administrator for tests that read as the console would for one (sees everything). */
export const TEST_CONSOLE_ADMIN: OperatorActor = {
  kind: "operator",
  userId: "test-console-admin",
  email: "tester@example.com",
  name: "Tester",
  consoleAdmin: true,
};
