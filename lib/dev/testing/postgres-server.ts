// A throwaway PostgreSQL 15 cluster for the integration tests: a temporary data directory, a free
// port on 127.0.0.1, trust authentication. Started once per test run by the integration project's
// global setup (lib/dev/testing/global-setup.ts) and thrown away, data directory included, at the end.
import { execFileSync } from "node:child_process";
import { chownSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { processTreeCpuSeconds } from "./cpu-time";
import { freePort } from "./free-port";
import { scratchDir } from "./scratch-dir";

export const POSTGRES_BIN_DIR = process.env.POSTGRES_BIN ?? "/usr/lib/postgresql/15/bin";

export interface PostgresServer {
  /** Superuser URL of the server's `postgres` database; tests create their own databases. */
  url: string;
  /** Stops the server and deletes its data directory. Synchronous and idempotent. */
  stop(): void;
  /** Stops the server as an outage would (every connection ends), keeping its data. */
  halt(): void;
  /** Starts a halted server again, on the same port with the same data. */
  resume(): void;
  /** CPU time the server has used so far (postmaster and backends), in seconds; null if unknown. */
  cpuSeconds(): number | null;
}

/** Initialises and starts a cluster; on any failure, whatever was created is removed again. */
export async function startPostgresServer(): Promise<PostgresServer> {
  // PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
  const asRoot = process.getuid?.() === 0;
  const dataDir = mkdtempSync(path.join(scratchDir(), "webhook-console-pg-"));
  let started = false;
  const stop = () => {
    if (started) {
      started = false;
      try {
        runAsOwner(asRoot, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      } catch (error) {
        console.error("Could not stop the test PostgreSQL server", error);
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    if (asRoot) {
      const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }));
      const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }));
      chownSync(dataDir, uid, gid);
    }
    runAsOwner(asRoot, "initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "--auth=trust",
      "--no-sync",
      "--encoding=UTF8",
      "--locale=C",
    ]);
    const startOn = (port: number) => {
      runAsOwner(asRoot, "pg_ctl", [
        "-D",
        dataDir,
        "-o",
        serverOptions(port, dataDir),
        "-l",
        path.join(dataDir, "server.log"),
        "-w",
        "start",
      ]);
      started = true;
    };
    // The port is free when picked but could be taken before the server binds it: retry.
    let port = 0;
    for (let attempt = 1; !started; attempt++) {
      port = await freePort();
      try {
        startOn(port);
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    // The postmaster's pid is the first line of postmaster.pid.
    const postmasterPid = () =>
      Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    let postmaster = postmasterPid();
    return {
      url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
      stop,
      halt: () => {
        if (!started) return;
        runAsOwner(asRoot, "pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
        started = false;
      },
      resume: () => {
        if (started) return;
        startOn(port);
        postmaster = postmasterPid();
      },
      cpuSeconds: () => processTreeCpuSeconds(postmaster),
    };
  } catch (error) {
    stop();
    throw error;
  }
}

// Durability is pointless for a cluster deleted at the end of the run: turned off for speed.
function serverOptions(port: number, dataDir: string): string {
  return [
    `-p ${port}`,
    `-k ${dataDir}`,
    "-c listen_addresses=127.0.0.1",
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
  ].join(" ");
}

function runAsOwner(asRoot: boolean, program: string, args: string[]): void {
  const binary = path.join(POSTGRES_BIN_DIR, program);
  const [command, commandArgs] = asRoot
    ? ["runuser", ["-u", "postgres", "--", binary, ...args]]
    : [binary, args];
  try {
    execFileSync(command, commandArgs, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`${program} failed: ${stderr || stdout || (error as Error).message}`, {
      cause: error,
    });
  }
}
