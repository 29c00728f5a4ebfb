// The pause rule's limits and the reason a channel paused: pure, shared by the API's input, the
// watcher that applies the rule and the console's Messaging API tab.
import { z } from "zod";

/** The longest failing window a rule may name: a day, as the redelivery schedule's reach. */
export const PAUSE_RULE_MAX_MINUTES = 1440;
export const PAUSE_RULE_MAX_ATTEMPTS = 100_000;

/** When every attempt has failed for `minutes`, and at least `attempts` of them, sending pauses. */
export interface PauseRule {
  minutes: number;
  attempts: number;
}

export const pauseRuleInput = z.strictObject({
  minutes: z
    .number({ error: "must be a whole number of minutes" })
    .int("must be a whole number of minutes")
    .min(1, "must be at least 1")
    .max(PAUSE_RULE_MAX_MINUTES, `must be at most ${PAUSE_RULE_MAX_MINUTES}`),
  attempts: z
    .number({ error: "must be a whole number" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(PAUSE_RULE_MAX_ATTEMPTS, `must be at most ${PAUSE_RULE_MAX_ATTEMPTS}`),
});

/** Why sending paused, as stored with the pause (Channel.pausedBecause). */
export interface PauseReason {
  /** The start of the first minute whose attempts all failed, with none succeeding since. */
  failingSince: string;
  /** Failed attempts from then until the pause. */
  failedAttempts: number;
  /** The rule in force then. */
  rule: PauseRule;
}

export function parsePauseReason(text: string | null): PauseReason | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as PauseReason;
  } catch {
    return null;
  }
}

/** How fast a resumed channel's backlog is sent at most, unless the operator picks: per second. */
export const DEFAULT_DRAIN_PER_SECOND = 10;
export const MAX_DRAIN_PER_SECOND = 1000;

export const resumeInput = z.strictObject({
  drainPerSecond: z
    .number({ error: "must be a number of webhooks per second" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_DRAIN_PER_SECOND, `must be at most ${MAX_DRAIN_PER_SECOND}`)
    .optional(),
});
export type ResumeInput = z.infer<typeof resumeInput>;
