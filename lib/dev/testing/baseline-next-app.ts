// The request benchmark's baseline (scripts/bench-load.mts): a Next app of one route handler,
// `GET /api/health` answering `Response.json`, built with the project's own Next and served by
// `next start`. What the console's routes are compared with in the same run: everything Next
// itself costs per request, and nothing the console adds (its HTTP server, proxy, session,
// database).
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./free-port";

const NEXT_BIN = path.resolve("node_modules/next/dist/bin/next");

const NODE_MODULES = path.resolve("node_modules");

/**
 * The app lives in the system's temp folder with a link to the project's node_modules. Turbopack
 * compiles only files under its workspace root, and follows no link out of it: the root is `/`
 * so that the link resolves. (Inside the project folder instead, the build takes the project's
 * own proxy.ts and instrumentation.ts into the app, which then is no baseline.)
 */
const NEXT_CONFIG = 'module.exports = { turbopack: { root: "/" } };\n';

const ROUTE = `export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" });
}
`;

export interface BaselineApp {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Stops the server and removes the app. */
  stop(): Promise<void>;
}

/** Builds the app in a fresh folder (about 15 s) and serves it; resolves once it answers. */
export async function startBaselineNextApp(): Promise<BaselineApp> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "baseline-next-app-"));
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    mkdirSync(path.join(dir, "app/api/health"), { recursive: true });
    writeFileSync(path.join(dir, "package.json"), '{ "private": true }\n');
    symlinkSync(NODE_MODULES, path.join(dir, "node_modules"));
    writeFileSync(path.join(dir, "next.config.js"), NEXT_CONFIG);
    writeFileSync(path.join(dir, "app/api/health/route.js"), ROUTE);
    const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
    await promisify(execFile)(process.execPath, [NEXT_BIN, "build"], { cwd: dir, env });
    const port = await freePort();
    const child: ChildProcess = spawn(
      process.execPath,
      [NEXT_BIN, "start", "--port", String(port), "--hostname", "127.0.0.1"],
      { cwd: dir, env, stdio: ["ignore", "ignore", "inherit"] },
    );
    const url = `http://127.0.0.1:${port}`;
    await answering(`${url}/api/health`, child);
    return {
      url,
      async stop() {
        if (child.exitCode === null && child.signalCode === null) {
          const exited = new Promise((resolve) => child.once("exit", resolve));
          child.kill("SIGTERM");
          await exited;
        }
        remove();
      },
    };
  } catch (error) {
    remove();
    throw error;
  }
}

async function answering(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the baseline app exited (${child.exitCode})`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error("the baseline app did not answer within 30 s");
}
