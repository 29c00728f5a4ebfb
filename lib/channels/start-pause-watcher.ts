import "server-only";
import type { Db } from "../db/client";
import { describeError } from "../logging/describe-error";
import { notificationSettingsFromEnv } from "../notifications/notification-settings";
import { pauseFailingChannels } from "./pause-sending";

/** How often the pause rules are checked: their windows are whole minutes. */
export const PAUSE_CHECK_MS = 10_000;

/**
 * Applies the channels' pause rules in the background of a dispatcher process, every
 * PAUSE_CHECK_MS; its timer does not keep the process alive, and checks never overlap.
 */
export function startPauseWatcher(
  db: Db,
  {
    intervalMs = PAUSE_CHECK_MS,
    log = (message: string) => console.log(`[pause] ${message}`),
  } = {},
): { stop(): Promise<void> } {
  const notifications = notificationSettingsFromEnv();
  const settings = {
    smtpConfigured: notifications.smtpUrl !== null,
    consoleOrigin: notifications.consoleOrigin,
  };
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const check = async () => {
    try {
      for (const channelId of await pauseFailingChannels(db, settings)) {
        log(`channel ${channelId}: sending paused by its pause rule`);
      }
    } catch (error) {
      // The database is away: the next check tries again.
      log(`check failed: ${describeError(error)}`);
    }
  };
  const schedule = () => {
    timer = setTimeout(() => {
      timer = null;
      running = check().then(() => {
        if (!stopped) schedule();
      });
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
