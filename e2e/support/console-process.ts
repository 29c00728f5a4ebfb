// A console of its own (scripts/serve.mjs on the production build) on a free port and a database
// of its own, for specs that kill and restart it; the e2e server itself cannot be restarted.
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";

export interface ConsoleProcess {
  baseURL: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

/** Starts the console on `port` with `databaseUrl` and resolves once /api/health answers. */
export async function startConsole(
  port: number,
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ConsoleProcess> {
  const baseURL = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOSTNAME_BIND: "127.0.0.1",
      DATABASE_URL: databaseUrl,
      WEBHOOK_CONSOLE_SEED_DEMO: "0",
      WEBHOOK_URL_REQUIRE_HTTPS: "false",
      WEBHOOK_ALLOW_PRIVATE_TARGETS: "true",
      SIGN_IN_LIMIT_PER_MINUTE: "600",
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  for (const started = Date.now(); Date.now() - started < 60_000; ) {
    if (gone) throw new Error("the console exited before it answered");
    try {
      if ((await fetch(`${baseURL}/api/health`)).ok) return { baseURL, child, exited };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error("the console did not answer /api/health within 60 s");
}
