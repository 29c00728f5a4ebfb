import "server-only";
import type { Db } from "../db/client";
import type { DatabaseConfig } from "../db/config";
import { describeError } from "../logging/describe-error";
import type { RetentionSettings } from "./retention-settings";
import { type RetentionPass, type RetentionPassOptions, runRetention } from "./run-retention";

/** The first pass comes this soon after start (or after one interval, if that is shorter). */
const FIRST_PASS_DELAY_MS = 10_000;

export interface RetentionJob {
  /** No further pass; resolves once a pass under way has stopped at its next batch boundary. */
  stop(): Promise<void>;
}

export interface RetentionJobOptions extends Pick<RetentionPassOptions, "batchSize" | "pauseMs"> {
  log?: (message: string) => void;
  logError?: (message: string) => void;
  /** After every pass that ran or found another process running one (tests wait on it). */
  onPass?: (pass: RetentionPass) => void;
}

/**
 * Runs a retention pass now and then, in the background, in the console and in every worker
 * (on PostgreSQL the lock lets one run at a time; run-lock.ts): the next pass starts one
 * interval after the previous one ended, so passes never overlap. Nothing when RETENTION=off.
 * Its timers do not keep the process alive; a process that exits mid-batch loses that batch's
 * one statement, which the database rolls back.
 */
export function startRetention(
  db: Db,
  database: DatabaseConfig,
  settings: RetentionSettings,
  {
    log = (message) => console.log(`[retention] ${message}`),
    logError = (message) => console.error(`[retention] ${message}`),
    onPass,
    ...pass
  }: RetentionJobOptions = {},
): RetentionJob {
  if (!settings.enabled) return { stop: async () => {} };
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();

  const schedule = (delayMs: number) => {
    timer = setTimeout(() => {
      timer = null;
      running = runPass();
    }, delayMs);
    timer.unref();
  };

  const runPass = async () => {
    try {
      const result = await runRetention(db, database, {
        ...pass,
        windows: settings.windows,
        signal: stopping.signal,
      });
      if (result.ran) {
        const { deleted } = result;
        if (Object.values(deleted).some((count) => count > 0)) {
          log(
            `deleted ${deleted.attempts} attempts, ${deleted.webhooks} webhooks, ${deleted.notifications} notification emails, ${deleted.minuteRollups + deleted.deliveryMinuteRollups} per-minute, ${deleted.hourRollups + deleted.deliveryHourRollups} hourly and ${deleted.deliveryDayRollups} daily statistics rows`,
          );
        }
      }
      onPass?.(result);
    } catch (error) {
      logError(
        `pass failed (the next one is due in ${settings.intervalMs} ms): ${describeError(error)}`,
      );
    }
    if (!stopping.signal.aborted) schedule(settings.intervalMs);
  };

  schedule(Math.min(FIRST_PASS_DELAY_MS, settings.intervalMs));
  return {
    async stop() {
      stopping.abort();
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
