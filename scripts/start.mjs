// npm start: build the console, then run it on http://localhost:3000 (PORT to change) with the
// embedded SQLite database (or DATABASE_URL), the demo provider and channel seeded on first start,
// and the bundled demo bot on http://127.0.0.1:3001 (DEMO_BOT_PORT; DEMO_BOT=off to skip) receiving
// the demo channel's webhooks, plus its https/HTTP/2 listener on 3002 (DEMO_BOT_TLS_PORT) with a
// local CA the console is told to trust. The demo operator's sign-in is printed with the URLs
// (its password only on the start that created it). Ctrl+C stops both. The demo bot is on
// 127.0.0.1, which the console refuses to send to by default: this sets
// WEBHOOK_ALLOW_PRIVATE_TARGETS=true for it.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";

const port = process.env.PORT ?? "3000";
const botPort = process.env.DEMO_BOT_PORT ?? "3001";
const tlsPort = process.env.DEMO_BOT_TLS_PORT ?? "3002";
const consoleUrl = `http://127.0.0.1:${port}`;
const withBot = process.env.DEMO_BOT !== "off";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

// data/ holds the database, its key and the demo CA: readable by this user only, as the server
// would create it (lib/db/sqlite-file.ts), even though the CA is minted here first.
mkdirSync("data", { recursive: true, mode: 0o700 });

// The demo bot's https listener needs a certificate the console trusts: mint a local CA first.
let pki = null;
if (withBot) {
  const minted = spawnSync(
    process.execPath,
    ["node_modules/tsx/dist/cli.mjs", "scripts/demo-pki.mts", "data/demo-bot-pki"],
    { encoding: "utf8", env },
  );
  if (minted.status === 0) pki = JSON.parse(minted.stdout.trim().split("\n").at(-1));
  else {
    const reason =
      minted.stderr.split("\n").find((line) => line.startsWith("Error")) ?? minted.stderr;
    console.warn(`Demo bot https listener disabled: ${reason.trim()}`);
  }
}

const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
  stdio: "inherit",
  env,
});
if (build.status !== 0) process.exit(build.status ?? 1);

// The demo operator, provider and channel, before the server starts (scripts/seed.mts). Its
// lines pass through, and the operator's and the demo channel's are kept to repeat them next to
// the URLs below. (The console's API answers only signed-in operators, so the demo channel is
// not looked up through it.)
const seed = spawnSync(
  process.execPath,
  ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "scripts/seed.mts"],
  {
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
    env: withBot ? { ...env, DEMO_BOT_WEBHOOK_URL: `http://127.0.0.1:${botPort}/webhook` } : env,
  },
);
process.stdout.write(seed.stdout ?? "");
if (seed.status !== 0) process.exit(seed.status ?? 1);
let demoOperator = null;
let demoChannelId = null;
for (const line of seed.stdout.split("\n")) {
  const created = line.match(/demo operator created: sign in as (\S+) with password (\S+)/);
  const exists = line.match(/demo operator (\S+) exists/);
  const channel = line.match(/demo channel (\d{10}) is ready/);
  if (created) demoOperator = { email: created[1], password: created[2] };
  else if (exists) demoOperator = { email: exists[1], password: null };
  if (channel) demoChannelId = channel[1];
}

const children = new Set();
function launch(args, extraEnv, stdio = "inherit") {
  const child = spawn(process.execPath, args, { stdio, env: { ...env, ...extraEnv } });
  children.add(child);
  child.on("exit", (code) => {
    children.delete(child);
    stopAll();
    process.exitCode = code ?? 0;
  });
  return child;
}
let stopping = false;
function stopAll() {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill("SIGTERM");
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, stopAll);

launch(["scripts/serve.mjs"], {
  PORT: port,
  // The sign-in page says where this operator's password is (lib/settings/demo-sign-in.ts).
  ...(demoOperator ? { DEMO_OPERATOR_EMAIL: demoOperator.email } : {}),
  // The demo bot listens on 127.0.0.1, which the SSRF guard refuses unless allowed (ADR 11).
  WEBHOOK_ALLOW_PRIVATE_TARGETS: process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS ?? "true",
  ...(pki && !process.env.WEBHOOK_EXTRA_CA_FILE ? { WEBHOOK_EXTRA_CA_FILE: pki.caFile } : {}),
});

const listening = await consoleAnswers();
if (withBot && demoChannelId && listening && !stopping) {
  launch(
    [
      "node_modules/tsx/dist/cli.mjs",
      "--conditions=react-server",
      "scripts/demo-bot.mts",
      "--port",
      botPort,
      "--channel",
      demoChannelId,
      ...(pki ? ["--tls-port", tlsPort, "--tls-cert", pki.certFile, "--tls-key", pki.keyFile] : []),
    ],
    {},
  );
}
if (!stopping) {
  console.log(`
  Webhook Console   http://localhost:${port}/console
  ${demoChannelId ? `Demo channel      http://localhost:${port}/console/channel/${demoChannelId}/messaging-api` : 'No demo channel found (DEMO_BOT needs the seeded "Demo bot" channel).'}
  ${withBot && demoChannelId ? `Demo bot          http://127.0.0.1:${botPort}/  (switch its failure mode here)` : ""}
  ${withBot && demoChannelId && pki ? `Demo bot (https)  https://localhost:${tlsPort}/webhook  (HTTP/2: modes goaway, reset)` : ""}
  ${demoOperator?.password ? `Demo operator     ${demoOperator.email}  password ${demoOperator.password}  (shown once: copy it now)` : ""}
  ${demoOperator && !demoOperator.password ? `Demo operator     ${demoOperator.email}  (password shown on first start; new one: npm run operator -- reset-password ${demoOperator.email})` : ""}
  Sign in           http://localhost:${port}/sign-in
  ${demoChannelId ? `Traffic           CHANNEL_ACCESS_TOKEN=<issue one on the Messaging API tab> npm run traffic -- --channel ${demoChannelId} --rate 20 --duration 30` : ""}
`);
}

/** Waits for the console to answer its health check. */
async function consoleAnswers() {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !stopping) {
    try {
      const health = await fetch(`${consoleUrl}/api/health`);
      if (health.ok) return true;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}
