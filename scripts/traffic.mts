// npm run traffic -- --channel <id> --token <channel access token> [--rate 50] [--duration 60]
//   [--console http://127.0.0.1:3000]
// Sends simulated user text messages to a channel through the console's events API at a steady
// rate, with a progress bar, then prints a summary. Bounded by --duration; stops on Ctrl+C.
// The events API takes the channel's access token as a Bearer token (issue one on the channel's
// Messaging API tab); CHANNEL_ACCESS_TOKEN works instead of --token, and keeps it out of the
// shell's history.
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    channel: { type: "string" },
    rate: { type: "string", default: "50" },
    duration: { type: "string", default: "60" },
    console: { type: "string", default: process.env.CONSOLE_URL ?? "http://127.0.0.1:3000" },
    text: { type: "string", default: "Hello from the traffic command" },
    token: { type: "string", default: process.env.CHANNEL_ACCESS_TOKEN },
  },
});

function fail(message: string): never {
  console.error(`traffic: ${message}`);
  console.error(
    "usage: npm run traffic -- --channel <id> --token <channel access token> [--rate <per second>] [--duration <seconds>] [--console <url>]",
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

const endpoint = `${values.console.replace(/\/$/, "")}/api/channels/${channelId}/events`;
const total = Math.max(1, Math.round(rate * duration));
const counts = { sent: 0, accepted: 0, notSent: 0, failed: 0 };
const failures = new Map<string, number>();
let stopping = false;
process.on("SIGINT", () => {
  stopping = true;
});

async function sendOne(sequence: number): Promise<void> {
  try {
    const response = await fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ text: `${values.text} #${sequence}` }),
    });
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    if (response.status === 202) counts.accepted++;
    else if (response.ok) {
      counts.notSent++;
      failures.set(body.message ?? "not sent", (failures.get(body.message ?? "not sent") ?? 0) + 1);
    } else {
      counts.failed++;
      const key = `${response.status} ${body.message ?? ""}`.trim();
      failures.set(key, (failures.get(key) ?? 0) + 1);
    }
  } catch (error) {
    counts.failed++;
    const key = (error as Error).cause ? String((error as Error).cause) : String(error);
    failures.set(key, (failures.get(key) ?? 0) + 1);
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
for (let sequence = 1; sequence <= total && !stopping; sequence++) {
  // Pace by schedule, not by completion, so a slow console does not lower the offered rate.
  const due = started + ((sequence - 1) / rate) * 1000;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  counts.sent++;
  const request = sendOne(sequence).finally(() => inFlight.delete(request));
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
