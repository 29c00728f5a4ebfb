// The command (docs/operations.md) for a dispatcher-only process, stopped as a process manager stops it:
// SIGTERM to `npm run worker` itself must reach the worker, which stops cleanly (exit 0) and
// leaves nothing running. (npm runs a script through a shell; a shell that does not pass the
// signal on used to die alone and leave the worker orphaned.)
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, expect, it } from "vitest";

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

it("SIGTERM to `npm run worker` stops the worker with exit 0 and leaves nothing running", {
  timeout: 60_000,
}, async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "npm-run-worker-"));
  dirs.push(dir);
  const npm = spawn("npm", ["run", "worker"], {
    env: {
      ...process.env,
      DATABASE_URL: `file:${path.join(dir, "worker.db")}`,
      CONSOLE_SECRET_KEY: randomBytes(32).toString("base64"),
      NODE_OPTIONS: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => npm.once("exit", resolve));
  let output = "";
  // The worker's id carries its process id: host:pid:ulid.
  const workerPid = await new Promise<number>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      const started = /\[worker\] [^:\s]+:(\d+):\S+ dispatching/.exec(output);
      if (started?.[1]) resolve(Number(started[1]));
    };
    npm.stdout.on("data", read);
    npm.stderr.on("data", read);
    void exited.then((code) => reject(new Error(`npm exited (${code}) first:\n${output}`)));
  });
  expect(workerPid).not.toBe(npm.pid);

  npm.kill("SIGTERM");

  expect(await exited).toBe(0);
  expect(output).toContain("SIGTERM: no more claims");
  await expect.poll(() => running(workerPid), { timeout: 10_000 }).toBe(false);
});
