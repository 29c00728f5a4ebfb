// What the demo bot does with a webhook. Each mode produces one of LINE's failure details (or a
// success) so a newcomer can watch the console classify it.

export const DEMO_BOT_MODES = {
  ok: "Answer 200 at once",
  slowish: "Answer 200 after 1.5 s (still in time)",
  slow: "Answer after 2.5 s: request_timeout",
  error500: "Answer 500: error_status_code",
  error404: "Answer 404: error_status_code",
  redirect: "Answer 302 (redirects are not followed): error_status_code",
  close: "Close the connection without answering: Session closed unexpectedly",
  garbage: "Answer bytes that are not HTTP (HTTP/1.1): Unclassified webhook dispatch error",
  goaway: "https listener: send GOAWAY before accepting: Connection failed (received GOAWAY)",
  reset: "https listener: reset the HTTP/2 stream: Stream closed unexpectedly",
  mixed: "A random mix of the modes above, mostly ok",
} as const;

export type DemoBotMode = keyof typeof DEMO_BOT_MODES;

export function isDemoBotMode(value: unknown): value is DemoBotMode {
  return typeof value === "string" && Object.hasOwn(DEMO_BOT_MODES, value);
}

const MIXED: [DemoBotMode, number][] = [
  ["ok", 60],
  ["slowish", 5],
  ["slow", 5],
  ["error500", 10],
  ["error404", 5],
  ["close", 5],
  ["garbage", 5],
  ["redirect", 5],
];

/** The concrete mode for one request: `mixed` draws one. */
export function resolveMode(mode: DemoBotMode, random = Math.random): DemoBotMode {
  if (mode !== "mixed") return mode;
  const total = MIXED.reduce((sum, [, weight]) => sum + weight, 0);
  let pick = random() * total;
  for (const [candidate, weight] of MIXED) {
    pick -= weight;
    if (pick < 0) return candidate;
  }
  return "ok";
}
