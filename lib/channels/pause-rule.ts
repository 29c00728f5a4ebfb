// The pause rule and the resume as the API takes them (zod); their limits and types are
// pause-limits.ts, which the browser imports without zod.
import { z } from "zod";
import {
  MAX_DRAIN_PER_SECOND,
  PAUSE_RULE_MAX_ATTEMPTS,
  PAUSE_RULE_MAX_MINUTES,
} from "./pause-limits";

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

export const resumeInput = z.strictObject({
  drainPerSecond: z
    .number({ error: "must be a number of webhooks per second" })
    .int("must be a whole number")
    .min(1, "must be at least 1")
    .max(MAX_DRAIN_PER_SECOND, `must be at most ${MAX_DRAIN_PER_SECOND}`)
    .optional(),
});
export type ResumeInput = z.infer<typeof resumeInput>;
