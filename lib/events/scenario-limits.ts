// A scenario's bounds: no zod here, so the browser's player (components/deliveries/
// play-scenario.tsx) holds a file to the same ones the schema (scenario.ts) checks.

/** At most this long between two steps, and this many steps: a scenario is a conversation. */
export const MAX_STEP_DELAY_MS = 60_000;
export const MAX_SCENARIO_STEPS = 1000;
