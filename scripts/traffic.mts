// npm run traffic -- --channel <id> --token <channel access token> [--rate 50] [--duration 60]
//   [--console http://127.0.0.1:3000] [--mix message=5,message:image=1,follow=1,postback=2]
// npm run traffic -- --channel <id> --token <token> --scenario docs/scenarios/group-chat.json
// Sends events to a channel through the console's events API at a steady rate, with a progress
// bar, then prints a summary: text messages from the simulated user, or with --mix any of LINE's
// event types by weight (lib/events/traffic-mix.ts; each type's example from
// lib/events/event-catalogue.ts). With --scenario, it plays a conversation instead: a JSON file's
// events in order, each after its delay (lib/events/scenario.ts; examples in docs/scenarios/),
// printing each step's answer. Bounded by --duration; stops on Ctrl+C.
// Up to 100 a second, each event is a request of its own; above that, the events due in each
// tenth of a second go in one request, as an array (one webhook per event, docs/architecture.md, "Sending
// events in bulk"), so the rate offered is the rate sent.
// The events API takes the channel's access token as a Bearer token (issue one on the channel's
// Messaging API tab); CHANNEL_ACCESS_TOKEN works instead of --token, and keeps it out of the
// shell's history.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { playScenario, scenarioInput } from "../lib/events/scenario";
import { type MixEntry, mixedEvent, parseMix } from "../lib/events/traffic-mix";

const { values } = parseArgs({
  options: {
    channel: { type: "string" },
    rate: { type: "string", default: "50" },
    duration: { type: "string", default: "60" },
    console: { type: "string", default: process.env.CONSOLE_URL ?? "http://127.0.0.1:3000" },
    text: { type: "string", default: "Hello from the traffic command" },
    token: { type: "string", default: process.env.CHANNEL_ACCESS_TOKEN },
    mix: { type: "string" },
    scenario: { type: "string" },
  },
});

function fail(message: string): never {
  console.error(`traffic: ${message}`);
  console.error(
    "usage: npm run traffic -- --channel <id> --token <channel access token> [--rate <per second>] [--duration <seconds>] [--console <url>] [--mix type[:messageType]=weight,...] [--scenario file.json]",
  );
  process.exit(2);
}

const channelId = values.channel ?? fail("--channel is required");
const token =
  values.token ?? fail("--token (or CHANNEL_ACCESS_TOKEN) is required: the channel's access token");
const rate = Number(values.rate);
const duration = Number(values.duration);
if (!/^[1-9][0-9]{9}$/.test(channelId)) fail("--channel must be a 10-digit channel ID");
if (!Number.isFinite(rate) || rate <= 0 || rate > 10_000)
  fail("--rate must be between 0 and 10000");
if (!Number.isFinite(duration) || duration <= 0 || duration > 86_400) {
  fail("--duration must be between 0 and 86400 seconds");
}

if (values.scenario !== undefined) await playScenarioFile(values.scenario);

/** Plays a scenario file against the channel, one event per request, and exits. */
async function playScenarioFile(file: string): Promise<never> {
  let scenario: ReturnType<typeof scenarioInput.parse>;
  try {
    const parsed = scenarioInput.safeParse(JSON.parse(readFileSync(file, "utf8")));
    if (!parsed.success) {
      const [issue] = parsed.error.issues;
      fail(`--scenario: ${issue?.path.join(".") || "(file)"}: ${issue?.message}`);
    }
    scenario = parsed.data;
  } catch (error) {
    fail(`--scenario: ${(error as Error).message}`);
  }
  const url = `${values.console.replace(/\/$/, "")}/api/channels/${channelId}/events`;
  console.error(`playing "${scenario.name}": ${scenario.steps.length} steps`);
  let failed = false;
  await playScenario(
    scenario,
    async (event) => {
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ events: [event] }),
        });
        const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
        if (response.status !== 202) failed = true;
        return { status: response.status, ...body };
      } catch (error) {
        failed = true;
        const cause = (error as Error).cause;
        return { error: cause ? String(cause) : String(error) };
      }
    },
    { onStep: (played) => console.log(JSON.stringify(played)) },
  );
  process.exit(failed ? 1 : 0);
}

let mix: MixEntry[] | null = null;
try {
  mix = values.mix === undefined ? null : parseMix(values.mix);
} catch (error) {
  fail(`--mix: ${(error as Error).message}`);
}

const endpoint = `${values.console.replace(/\/$/, "")}/api/channels/${channelId}/events`;
const total = Math.max(1, Math.round(rate * duration));
const counts = { sent: 0, accepted: 0, notSent: 0, failed: 0 };
const failures = new Map<string, number>();
let stopping = false;
process.on("SIGINT", () => {
  stopping = true;
});

/** Above this many events a second, they are sent in batches, one request per tick. */
const BULK_ABOVE_RATE = 100;
const TICK_MS = 100;

const eventFor = (sequence: number) =>
  mix
    ? mixedEvent(mix, sequence, values.text)
    : { type: "message", message: { type: "text", text: `${values.text} #${sequence}` } };

function countProblem(key: string, events: number): void {
  failures.set(key, (failures.get(key) ?? 0) + events);
}

/** One request: a single text message (the shorthand), or the events as an array. */
async function send(sequences: number[]): Promise<void> {
  const [first = 0] = sequences;
  const events = sequences.length;
  try {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify(
        events === 1 && !mix ? { text: `${values.text} #${first}` } : sequences.map(eventFor),
      ),
    });
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    if (response.status === 202) counts.accepted += events;
    else if (response.ok) {
      counts.notSent += events;
      countProblem(body.message ?? "not sent", events);
    } else {
      counts.failed += events;
      countProblem(`${response.status} ${body.message ?? ""}`.trim(), events);
    }
  } catch (error) {
    counts.failed += events;
    countProblem((error as Error).cause ? String((error as Error).cause) : String(error), events);
  }
}

/** The events of each request, in order: one each, or those due in each tick. */
function* requests(): Generator<{ dueMs: number; sequences: number[] }> {
  if (rate <= BULK_ABOVE_RATE) {
    for (let sequence = 1; sequence <= total; sequence++) {
      yield { dueMs: ((sequence - 1) / rate) * 1000, sequences: [sequence] };
    }
    return;
  }
  let next = 1;
  for (let tick = 0; next <= total; tick++) {
    const last = Math.min(total, Math.round((rate * (tick + 1) * TICK_MS) / 1000));
    const sequences = Array.from({ length: last - next + 1 }, (_, i) => next + i);
    next = last + 1;
    if (sequences.length > 0) yield { dueMs: tick * TICK_MS, sequences };
  }
}

function drawProgress(started: number, final = false): void {
  const done = counts.accepted + counts.notSent + counts.failed;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const elapsed = (performance.now() - started) / 1000;
  const line = `[${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}  accepted ${counts.accepted}  not sent ${counts.notSent}  failed ${counts.failed}  ${(done / Math.max(elapsed, 0.001)).toFixed(1)}/s`;
  process.stderr.write(`\r${line}${final ? "\n" : ""}`);
}

const started = performance.now();
const inFlight = new Set<Promise<void>>();
const progress = setInterval(() => drawProgress(started), 200);
for (const { dueMs, sequences } of requests()) {
  if (stopping) break;
  // Pace by schedule, not by completion, so a slow console does not lower the offered rate.
  const wait = started + dueMs - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  counts.sent += sequences.length;
  const request = send(sequences).finally(() => inFlight.delete(request));
  inFlight.add(request);
}
await Promise.all(inFlight);
clearInterval(progress);
drawProgress(started, true);
console.log(
  JSON.stringify(
    {
      channelId,
      offeredRate: rate,
      seconds: Number(((performance.now() - started) / 1000).toFixed(2)),
      ...counts,
      problems: Object.fromEntries(failures),
    },
    null,
    2,
  ),
);
process.exit(counts.failed > 0 ? 1 : 0);
