// npm start: build the console, then serve it on http://localhost:3000 (PORT to change) with the
// embedded SQLite database (or DATABASE_URL) and the demo provider and channel seeded.
import { spawnSync } from "node:child_process";

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const run = (args, extraEnv = {}) => {
  const result = spawnSync(process.execPath, args, {
    stdio: "inherit",
    env: { ...env, ...extraEnv },
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(["node_modules/next/dist/bin/next", "build"]);
run(["scripts/serve.mjs"], {
  WEBHOOK_CONSOLE_SEED_DEMO: process.env.WEBHOOK_CONSOLE_SEED_DEMO ?? "1",
});
