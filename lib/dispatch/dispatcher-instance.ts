import "server-only";
import { db } from "../db/client";
import { choiceSetting, type Env } from "../settings/read-env";
import type { DispatchSettings } from "./dispatch-settings";
import { Dispatcher } from "./dispatcher";

// The server process's dispatcher, kept on globalThis: Next bundles instrumentation and route
// handlers separately, and both must reach the same instance.
const processWide = globalThis as typeof globalThis & { webhookConsoleDispatcher?: Dispatcher };

/** WEBHOOK_DISPATCHER=off runs a console that stores events but sends nothing (extra replicas). */
export function dispatcherEnabledFromEnv(env: Env = process.env): boolean {
  return choiceSetting(env, "WEBHOOK_DISPATCHER", { on: true, off: false }, true);
}

export async function startDispatcher(settings: DispatchSettings): Promise<Dispatcher> {
  if (!processWide.webhookConsoleDispatcher) {
    processWide.webhookConsoleDispatcher = new Dispatcher({ db: db(), settings });
    await processWide.webhookConsoleDispatcher.start();
  }
  return processWide.webhookConsoleDispatcher;
}

/** Wakes the dispatcher after new webhooks were stored; a no-op where none runs. */
export function notifyDispatcher(): void {
  processWide.webhookConsoleDispatcher?.notify();
}
