// A replay's rates: plain values, for the browser too (the API's schema is replay-input.ts).

export const MAX_REPLAY_RATE = 1000;
export const DEFAULT_REPLAY_RATE = 50;
