// `npm run serve` in a child process on a free port of 127.0.0.1: the production build (.next)
// served as an operator serves it, configured by the environment alone. For the load benchmark
// (scripts/bench-load.mts), which needs the real HTTP server, proxy and route handlers, and for
// e2e specs that kill and restart a console (the e2e server itself cannot be restarted).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { freePort } from "./free-port";

/** What `next build` leaves behind; serve.mjs needs it. */
export const BUILD_ID_FILE = ".next/BUILD_ID";

export interface ConsoleProcess {
  /** Where it listens, `http://127.0.0.1:<port>`; also its one origin (CONSOLE_ORIGIN). */
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM (the server lets its dispatcher finish what is in flight), then waits for the exit. */
  stop(): Promise<void>;
}

/** The last of what the server printed, for the error when it does not come up. */
const OUTPUT_KEPT = 4000;

/**
 * Starts the server with `env` over this process's environment (an undefined value removes the
 * variable) on `port` (a free one by default; a console started again keeps its origin) and
 * resolves once GET /api/health answers 200; rejects if it exits first or takes longer than
 * `timeoutMs` (start-up applies migrations).
 */
export async function startConsole(
  env: Record<string, string | undefined>,
  { port: chosenPort, timeoutMs = 60_000 }: { port?: number; timeoutMs?: number } = {},
): Promise<ConsoleProcess> {
  if (!existsSync(BUILD_ID_FILE)) throw new Error("no production build in .next");
  const port = chosenPort ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      CONSOLE_ORIGIN: url,
    },
    // Its output is kept, not shown (the caller's stdout is for its results); its errors show.
    stdio: ["ignore", "pipe", "inherit"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString("utf8")).slice(-OUTPUT_KEPT);
  };
  child.stdout?.on("data", keep);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    // serve.mjs waits up to WEBHOOK_STOP_TIMEOUT_MS (10 s) for its dispatcher; then no longer.
    const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(killer);
  };
  try {
    await waitForHealth(url, exited, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}; its last output:\n${output}`);
  }
  return { url, child, exited, stop };
}

async function waitForHealth(url: string, exited: Promise<number | null>, timeoutMs: number) {
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`the console exited (${exitCode}) on start-up`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the console did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}
