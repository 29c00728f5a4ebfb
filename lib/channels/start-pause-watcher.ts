import "server-only";
import type { Db } from "../db/client";
import { describeError } from "../logging/describe-error";
import { notificationSettingsFromEnv } from "../notifications/notification-settings";
import { repeat } from "../shared/repeat";
import { pauseFailingChannels } from "./pause-sending";

/** How often the pause rules are checked: their windows are whole minutes. */
export const PAUSE_CHECK_MS = 10_000;

/** Applies the channels' pause rules in the background of a dispatcher process. */
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
  return repeat(
    intervalMs,
    async () => {
      for (const channelId of await pauseFailingChannels(db, settings)) {
        log(`channel ${channelId}: sending paused by its pause rule`);
      }
    },
    // The database is away: the next check tries again.
    (error) => log(`check failed: ${describeError(error)}`),
  );
}
