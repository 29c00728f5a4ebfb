// A dispatcher in a process of its own, for tests that kill it (SIGKILL) mid-work and check
// that a new process picks up what the database says. Settings come from the environment.
import "server-only";
import { resolveDatabaseConfig } from "../../db/config";
import { dispatchSettingsFromEnv } from "../../dispatch/dispatch-settings";
import { Dispatcher } from "../../dispatch/dispatcher";

const dispatcher = new Dispatcher({
  storage: { database: resolveDatabaseConfig() },
  settings: dispatchSettingsFromEnv(),
});
await dispatcher.start();
process.send?.("started");
