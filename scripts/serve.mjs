// npm run serve: serve an existing build (`npm run build`). Migrations apply on start-up
// (instrumentation.ts). Signals reach the server because it replaces nothing in between:
// this process only forwards them.
import { spawn } from "node:child_process";

const port = process.env.PORT ?? "3000";
const hostname = process.env.HOSTNAME_BIND ?? "127.0.0.1";
const server = spawn(
  process.execPath,
  [
    "node_modules/next/dist/bin/next",
    "start",
    "--port",
    port,
    "--hostname",
    hostname,
    // Longer than the idle timeout of common proxies and clients (Node's 5 s default is shorter
    // than most, so a client could write to a connection the server is closing).
    "--keepAliveTimeout",
    process.env.KEEP_ALIVE_TIMEOUT_MS ?? "65000",
  ],
  { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } },
);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
