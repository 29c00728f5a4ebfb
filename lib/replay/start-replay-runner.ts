import "server-only";
import type { Db } from "../db/client";
import { describeError } from "../logging/describe-error";
import { repeat } from "../shared/repeat";
import { ReplayRunner, type ReplayRunnerSettings } from "./run-replays";

/** How often a dispatcher process runs its replay jobs' next batches. */
export const REPLAY_TICK_MS = 200;

/**
 * Runs replay jobs in the background of a dispatcher process. stop() lets a tick under way end:
 * what it queued is committed with the job's cursor, or not at all.
 */
export function startReplayRunner(
  db: Db,
  settings: ReplayRunnerSettings,
  onQueued: () => void,
  { tickMs = REPLAY_TICK_MS, log = (message: string) => console.error(`[replay] ${message}`) } = {},
): { stop(): Promise<void> } {
  const runner = new ReplayRunner(db, settings, onQueued);
  return repeat(
    tickMs,
    async () => {
      await runner.tick();
    },
    // The database is away: the next tick tries again; the job's cursor has not moved.
    (error) => log(`tick failed: ${describeError(error)}`),
  );
}
