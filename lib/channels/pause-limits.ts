// The pause rule's limits, the reason a channel paused and the resume's default rate: plain
// values and types, for the browser too (the API's schemas are pause-rule.ts, which uses zod).

/** The longest failing window a rule may name: a day, as the redelivery schedule's reach. */
export const PAUSE_RULE_MAX_MINUTES = 1440;
export const PAUSE_RULE_MAX_ATTEMPTS = 100_000;

/** When every attempt has failed for `minutes`, and at least `attempts` of them, sending pauses. */
export interface PauseRule {
  minutes: number;
  attempts: number;
}

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
