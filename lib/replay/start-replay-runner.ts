import "server-only";
import type { Db } from "../db/client";
import { describeError } from "../logging/describe-error";
import { ReplayRunner, type ReplayRunnerSettings } from "./run-replays";

/** How often a dispatcher process runs its replay jobs' next batches. */
export const REPLAY_TICK_MS = 200;

/**
 * Runs replay jobs in the background of a dispatcher process; ticks never overlap, and the timer
 * does not keep the process alive. stop() lets a tick under way end: what it queued is committed
 * with the job's cursor, or not at all.
 */
export function startReplayRunner(
  db: Db,
  settings: ReplayRunnerSettings,
  onQueued: () => void,
  { tickMs = REPLAY_TICK_MS, log = (message: string) => console.error(`[replay] ${message}`) } = {},
): { stop(): Promise<void> } {
  const runner = new ReplayRunner(db, settings, onQueued);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const schedule = () => {
    timer = setTimeout(() => {
      timer = null;
      running = runner
        .tick()
        .then(
          () => {},
          // The database is away: the next tick tries again; the job's cursor has not moved.
          (error) => log(`tick failed: ${describeError(error)}`),
        )
        .then(() => {
          if (!stopped) schedule();
        });
    }, tickMs);
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
