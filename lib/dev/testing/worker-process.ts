// `npm run worker` in a child process, for tests that run several, kill one (SIGKILL) or stop one
// (SIGTERM) in the middle of a burst.
import { type ChildProcess, fork } from "node:child_process";
import type { DatabaseConfig } from "../../db/config";
import { ALLOW_PRIVATE_TARGETS } from "./allow-private-targets";

export interface WorkerProcess {
  child: ChildProcess;
  /** The id its claims carry (Webhook.claimToken). */
  workerId: string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Starts a worker on `config`'s database and resolves once it dispatches. */
export async function startWorker(
  config: DatabaseConfig,
  env: Record<string, string> = {},
): Promise<WorkerProcess> {
  const child = fork("scripts/worker.mts", [], {
    execArgv: ["--conditions=react-server", "--import", "tsx"],
    env: {
      ...process.env,
      ...ALLOW_PRIVATE_TARGETS,
      DATABASE_URL: config.provider === "sqlite" ? `file:${config.filePath}` : config.url,
      WEBHOOK_POLL_INTERVAL_MS: "50",
      ...env,
    },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const workerId = await new Promise<string>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const started = /\[worker\] (\S+) dispatching \(/.exec(output);
      if (started?.[1]) resolve(started[1]);
    });
    void exited.then((code) => reject(new Error(`worker exited (${code}) before dispatching`)));
  });
  return { child, workerId, exited };
}
