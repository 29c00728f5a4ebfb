// temporary: profile the console under one route's load

import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { startKeepAliveBot } from "../lib/testing/keep-alive-bot";

const which = process.argv[2] ?? "health";
const work = mkdtempSync(path.join(os.tmpdir(), "prof-"));
const runEnv = {
  DATABASE_URL: `file:${path.join(work, "c.db")}`,
  BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
  CONSOLE_SECRET_KEY: randomBytes(32).toString("base64"),
};
const bot = await startKeepAliveBot(work);

import { spawn } from "node:child_process";
import { freePort } from "../lib/testing/free-port";

const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const child = spawn(
  process.execPath,
  [
    ...(process.env.PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.PROF}`] : []),
    ...(process.env.NEXTSTART
      ? ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"]
      : ["scripts/serve.mjs"]),
  ],
  {
    env: {
      ...process.env,
      ...runEnv,
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      WEBHOOK_CONSOLE_SEED_DEMO: "0",
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      CONSOLE_ORIGIN: url,
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  },
);
for (;;) {
  try {
    if ((await fetch(url + "/api/health")).ok) break;
  } catch {}
  await new Promise((r) => setTimeout(r, 250));
}
const server = {
  stop: async () => {
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));
  },
};
const op = JSON.parse(
  execFileSync(
    process.execPath,
    [
      "node_modules/tsx/dist/cli.mjs",
      "--conditions=react-server",
      "scripts/operator.mts",
      "create",
      "op@x.test",
    ],
    { env: { ...process.env, ...runEnv } },
  )
    .toString()
    .trim()
    .split("\n")
    .at(-1)!,
);
const r = await fetch(`${url}/api/auth/sign-in/email`, {
  method: "POST",
  headers: { "content-type": "application/json", origin: url },
  body: JSON.stringify(op),
});
const cookie = r.headers
  .getSetCookie()
  .map((l) => l.split(";")[0])
  .join("; ");
const call = async (m: string, p: string, b?: unknown) =>
  (
    await fetch(url + p, {
      method: m,
      headers: { cookie, origin: url, ...(b ? { "content-type": "application/json" } : {}) },
      body: b ? JSON.stringify(b) : undefined,
    })
  ).json();
const prov = await call("POST", "/api/providers", { name: "L" });
const ch = await call("POST", `/api/providers/${prov.id}/channels`, { name: "B" });
await call("PATCH", `/api/channels/${ch.id}`, {
  webhookUrl: bot.url,
  useWebhook: true,
  errorStatisticsAggregation: true,
});
const { accessToken } = await call("POST", `/api/channels/${ch.id}/access-token`);
const routes: Record<string, any> = {
  health: { path: "/api/health" },
  providers: { path: "/api/providers", headers: { cookie } },
  channel: { path: `/api/channels/${ch.id}`, headers: { cookie } },
  events: {
    path: `/api/channels/${ch.id}/events`,
    method: "POST",
    headers: { authorization: `Bearer ${accessToken}`, "content-type": "application/json" },
    body: JSON.stringify({ events: [{ type: "message", message: { type: "text", text: "hi" } }] }),
  },
};
const route = routes[which];
const res = await autocannon({
  url: url + route.path,
  method: route.method ?? "GET",
  headers: route.headers,
  body: route.body,
  connections: 16,
  duration: Number(process.env.DUR ?? 8),
  warmup: { connections: 16, duration: 2 },
});
console.log(which, res.requests.average, res.non2xx);
await server.stop();
await bot.stop();
