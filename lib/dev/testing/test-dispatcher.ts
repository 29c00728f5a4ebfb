// A dispatcher as the integration tests need one: allowed to send to their bots on 127.0.0.1,
// polling every 20 ms so a test waits little, silent, and stopped after the test.
import "server-only";
import { dispatchSettingsFromEnv } from "../../dispatch/dispatch-settings";
import { Dispatcher, type DispatcherOptions } from "../../dispatch/dispatcher";
import type { ConsoleMetrics } from "../../metrics/console-metrics";
import { ALLOW_PRIVATE_TARGETS } from "./allow-private-targets";

export function testDispatcher(
  storage: DispatcherOptions["storage"],
  /** Where the test's afterEach finds what to stop; the dispatcher adds its own stop. */
  stops: (() => Promise<void>)[],
  /** More settings, as environment variables (e.g. WEBHOOK_REDELIVERY_SCHEDULE_MS). */
  env: Record<string, string> = {},
  /** Where it counts attempts and leases; by default the process's (lib/metrics). */
  metrics?: ConsoleMetrics,
): Dispatcher {
  const dispatcher = new Dispatcher({
    storage,
    settings: dispatchSettingsFromEnv({
      ...ALLOW_PRIVATE_TARGETS,
      WEBHOOK_POLL_INTERVAL_MS: "20",
      ...env,
    }),
    log: () => {},
    metrics,
  });
  stops.push(async () => {
    await dispatcher.stop();
  });
  return dispatcher;
}
