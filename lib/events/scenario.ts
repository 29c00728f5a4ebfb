// A scenario: a conversation to play against a channel, as a JSON file (docs/scenarios/): LINE
// events in order, each after a delay, e.g. a user follows, writes, taps a postback button, adds
// the bot to a group, and unfollows. `npm run traffic -- --scenario file.json` plays one.
import { z } from "zod";
import { eventInput } from "./event-input";
import { MAX_SCENARIO_STEPS, MAX_STEP_DELAY_MS } from "./scenario-limits";

export const scenarioInput = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(100, "must be at most 100 characters"),
  description: z.string().max(1000, "must be at most 1000 characters").optional(),
  steps: z
    .array(
      z.strictObject({
        /** Waited before the step's event is sent (after the previous step's answer). */
        delayMs: z
          .number({ error: "must be a number of milliseconds" })
          .int("must be a whole number of milliseconds")
          .min(0, "must not be negative")
          .max(MAX_STEP_DELAY_MS, `must be at most ${MAX_STEP_DELAY_MS}`)
          .optional(),
        event: eventInput,
      }),
    )
    .min(1, "must hold at least one step")
    .max(MAX_SCENARIO_STEPS, `must hold at most ${MAX_SCENARIO_STEPS} steps`),
});
export type Scenario = z.infer<typeof scenarioInput>;

/** What playing one step came to: the sender's own answer (ids, or why nothing was sent). */
export interface PlayedStep<Answer> {
  step: number;
  type: string;
  answer: Answer;
}

/**
 * Plays `scenario` in order: waits each step's delay, then sends its event and waits for the
 * answer before the next step, so the bot sees the conversation's order. `send` posts one event
 * (the events API, or enqueueEvents); `sleep` is injected so tests need not wait.
 */
export async function playScenario<Answer>(
  scenario: Scenario,
  send: (event: Scenario["steps"][number]["event"]) => Promise<Answer>,
  {
    sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
    onStep = () => {},
  }: {
    sleep?: (ms: number) => Promise<void>;
    onStep?: (played: PlayedStep<Answer>) => void;
  } = {},
): Promise<PlayedStep<Answer>[]> {
  const played: PlayedStep<Answer>[] = [];
  for (const [index, { delayMs = 0, event }] of scenario.steps.entries()) {
    if (delayMs > 0) await sleep(delayMs);
    const step = { step: index + 1, type: event.type, answer: await send(event) };
    played.push(step);
    onStep(step);
  }
  return played;
}
