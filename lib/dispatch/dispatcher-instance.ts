import "server-only";
import { type ChildProcess, spawn } from "node:child_process";
import type { MetricsJson } from "../metrics/render-metrics";
import { choiceSetting, type Env } from "../settings/read-env";

// The console's dispatcher runs in a process of its own: `npm run worker`'s code, started and
// watched from here. In the web server's process, every page rendered and every event accepted
// would delay reading bots' answers, and an answer that came in time would be recorded as a
// timeout (docs/adr/0017-the-database-off-the-sending-thread.md). Kept on globalThis: Next bundles
// instrumentation and route handlers separately, and both must reach the same process;
// scripts/serve.mjs stops it on SIGTERM.
const processWide = globalThis as typeof globalThis & {
  webhookConsoleDispatcher?: DispatcherProcess;
};

/** WEBHOOK_DISPATCHER=off runs a console that stores events but sends nothing (extra replicas). */
export function dispatcherEnabledFromEnv(env: Env = process.env): boolean {
  return choiceSetting(env, "WEBHOOK_DISPATCHER", { on: true, off: false }, true);
}

/**
 * `npm run worker`, run from the project's directory. Kept out of the call, where the bundler
 * would try to bundle the script as a module of the server.
 */
const WORKER_COMMAND = ["--conditions=react-server", "--import", "tsx", "scripts/worker.mts"];

/** Restarts after an unexpected exit wait this long, doubling up to the maximum. */
const FIRST_RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;
/** A process that ran this long before exiting restarts after the first delay again. */
const STABLE_AFTER_MS = 60_000;
/** A scrape waits this long for the process's metrics, then answers without them. */
const METRICS_TIMEOUT_MS = 2_000;
/** After stop()'s SIGTERM the process has its own WEBHOOK_STOP_TIMEOUT_MS, and this much more. */
const STOP_GRACE_MS = 5_000;

export interface DispatcherProcessOptions {
  /** WEBHOOK_STOP_TIMEOUT_MS, which the process itself also reads. */
  stopTimeoutMs: number;
  log?: (message: string) => void;
}

/**
 * One dispatcher process (scripts/worker.mts), restarted with a growing delay when it exits on its
 * own. It reads the same environment as the console (DATABASE_URL, the secret key, the dispatch
 * and retention settings); it hears of new events by IPC and stops when the console goes away.
 */
export class DispatcherProcess {
  private child: ChildProcess | null = null;
  private stopping = false;
  private restartDelayMs = FIRST_RESTART_DELAY_MS;
  private restartTimer: NodeJS.Timeout | null = null;
  private wakePending = false;
  private metricsAsked = 0;
  private readonly metricsWaiting = new Map<number, (metrics: MetricsJson | null) => void>();
  private readonly log: (message: string) => void;

  constructor(private readonly options: DispatcherProcessOptions) {
    this.log = options.log ?? ((message) => console.log(`[webhook-console] ${message}`));
  }

  start(): void {
    const startedAt = Date.now();
    const child = spawn(process.execPath, WORKER_COMMAND, {
      cwd: process.cwd(),
      // WORKER_HEALTH_PORT and WORKER_METRICS_PORT are for workers of their own; this one is the
      // console's, which serves its metrics (dispatcherProcessMetrics).
      env: { ...process.env, WORKER_HEALTH_PORT: "", WORKER_METRICS_PORT: "" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    this.child = child;
    this.log(`dispatcher process ${child.pid} started`);
    child.on("message", (message: { type?: string; id?: number; metrics?: MetricsJson }) => {
      if (message?.type !== "metrics" || typeof message.id !== "number") return;
      this.metricsWaiting.get(message.id)?.(message.metrics ?? null);
    });
    child.once("exit", (code, signal) => {
      this.child = null;
      if (this.stopping) return;
      if (Date.now() - startedAt >= STABLE_AFTER_MS) this.restartDelayMs = FIRST_RESTART_DELAY_MS;
      this.log(
        `dispatcher process ${child.pid} exited (${signal ?? `code ${code}`}); restarting in ${this.restartDelayMs} ms`,
      );
      this.restartTimer = setTimeout(() => this.start(), this.restartDelayMs);
      this.restartDelayMs = Math.min(this.restartDelayMs * 2, MAX_RESTART_DELAY_MS);
    });
    // A send to a process that just exited fails; the exit handler deals with that.
    child.on("error", () => {});
  }

  /** New webhooks were stored: one message per turn of the event loop, however many arrive. */
  notify(): void {
    if (this.wakePending || !this.child?.connected) return;
    this.wakePending = true;
    setImmediate(() => {
      this.wakePending = false;
      this.child?.send({ type: "wake" }, () => {});
    });
  }

  /**
   * The process's metrics (its registry as JSON, lib/metrics/console-metrics.ts), or null when it
   * is not running or does not answer in time.
   */
  metrics(): Promise<MetricsJson | null> {
    const child = this.child;
    if (!child?.connected) return Promise.resolve(null);
    const id = ++this.metricsAsked;
    return new Promise((resolve) => {
      const done = (metrics: MetricsJson | null) => {
        clearTimeout(timer);
        this.metricsWaiting.delete(id);
        resolve(metrics);
      };
      const timer = setTimeout(() => done(null), METRICS_TIMEOUT_MS);
      this.metricsWaiting.set(id, done);
      child.send({ type: "metrics", id }, (error) => {
        if (error) done(null);
      });
    });
  }

  /**
   * SIGTERM, then waits for the process to finish what it has in flight and exit; SIGKILL if it
   * has not within its own stop timeout and a grace period (its leases hand the rest on).
   */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    child.kill("SIGTERM");
    const timer = setTimeout(
      () => child.kill("SIGKILL"),
      this.options.stopTimeoutMs + STOP_GRACE_MS,
    );
    await exited;
    clearTimeout(timer);
  }
}

export function startDispatcherProcess(options: DispatcherProcessOptions): DispatcherProcess {
  if (!processWide.webhookConsoleDispatcher) {
    processWide.webhookConsoleDispatcher = new DispatcherProcess(options);
    processWide.webhookConsoleDispatcher.start();
  }
  return processWide.webhookConsoleDispatcher;
}

/** The console's dispatcher process's metrics; null where none runs (WEBHOOK_DISPATCHER=off). */
export function dispatcherProcessMetrics(): Promise<MetricsJson | null> {
  return processWide.webhookConsoleDispatcher?.metrics() ?? Promise.resolve(null);
}

/** Wakes the dispatcher after new webhooks were stored; a no-op where none runs. */
export function notifyDispatcher(): void {
  processWide.webhookConsoleDispatcher?.notify();
}
