// The metrics a process counts as it works (attempts, leases, emails, HTTP requests), in
// Prometheus's model through prom-client. Pure (no server-only): scripts/serve.mjs loads it too,
// to time every request. What the database holds (queue depth, paused channels) is read at scrape
// time instead (database-gauges.ts).
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";
import { ChannelLabelBound } from "./channel-label-bound";
import { type MetricsSettings, metricsSettingsFromEnv } from "./metrics-settings";

/** What one attempt came to, as the dispatcher's sender reports it. */
export interface AttemptOutcome {
  ok: boolean;
  reason?: string;
  detail?: string;
  latencyMs: number;
}

/** Seconds. Up to LINE's own request timeout and past it, for bots given a longer one here. */
const SEND_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10];
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export type LeaseLoss = "taken" | "ran_out" | "given_back";

export class ConsoleMetrics {
  private readonly channels: ChannelLabelBound | null;
  private readonly attempts: Counter<string>;
  private readonly failures: Counter<string>;
  private readonly sendDuration: Histogram<"result">;
  private readonly leasesRenewed: Counter<string>;
  private readonly leasesLost: Counter<"why">;
  private readonly emails: Counter<"result">;
  readonly httpDuration: Histogram<"route" | "method" | "status">;

  constructor(
    readonly registry: Registry,
    settings: Pick<MetricsSettings, "channelLabels" | "channelLabelLimit">,
  ) {
    this.channels = settings.channelLabels
      ? new ChannelLabelBound(settings.channelLabelLimit)
      : null;
    const channel = this.channels ? ["channel"] : [];
    const registers = [registry];
    this.attempts = new Counter({
      name: "webhook_console_attempts_total",
      help: "Webhook attempts sent to bot servers (each redelivery is an attempt).",
      labelNames: channel,
      registers,
    });
    this.failures = new Counter({
      name: "webhook_console_attempt_failures_total",
      help: "Failed webhook attempts, by LINE's reason and detail.",
      labelNames: ["reason", "detail", ...channel],
      registers,
    });
    this.sendDuration = new Histogram({
      name: "webhook_console_send_duration_seconds",
      help: "Time from sending a webhook to its answer (or to the failure), per attempt.",
      labelNames: ["result"],
      buckets: SEND_BUCKETS,
      registers,
    });
    this.leasesRenewed = new Counter({
      name: "webhook_console_leases_renewed_total",
      help: "Leases on claimed webhooks renewed by this process.",
      registers,
    });
    this.leasesLost = new Counter({
      name: "webhook_console_leases_lost_total",
      help: "Claimed webhooks this process lost: taken by another worker after its lease ran out, not sent because it ran out, or given back unrecorded.",
      labelNames: ["why"],
      registers,
    });
    this.emails = new Counter({
      name: "webhook_console_notification_emails_total",
      help: "Error notification emails handed to the mail server: sent, or refused (each try).",
      labelNames: ["result"],
      registers,
    });
    this.httpDuration = new Histogram({
      name: "webhook_console_http_request_duration_seconds",
      help: "Time to answer HTTP requests, by route pattern (pages as one route).",
      labelNames: ["route", "method", "status"],
      buckets: HTTP_BUCKETS,
      registers,
    });
    // Zeroes for what can be counted, so that a rate() has a series before the first event.
    this.emails.inc({ result: "sent" }, 0);
    this.emails.inc({ result: "failed" }, 0);
    for (const why of ["taken", "ran_out", "given_back"] as const) this.leasesLost.inc({ why }, 0);
    if (!this.channels) this.attempts.inc(0);
  }

  attempted(channelId: string, outcome: AttemptOutcome): void {
    const channel = this.channels ? { channel: this.channels.label(channelId) } : {};
    this.attempts.inc(channel);
    this.sendDuration.observe(
      { result: outcome.ok ? "success" : "failure" },
      outcome.latencyMs / 1000,
    );
    if (!outcome.ok) {
      this.failures.inc({ reason: outcome.reason ?? "", detail: outcome.detail ?? "", ...channel });
    }
  }

  renewedLeases(count: number): void {
    if (count > 0) this.leasesRenewed.inc(count);
  }

  lostLeases(why: LeaseLoss, count: number): void {
    if (count > 0) this.leasesLost.inc({ why }, count);
  }

  notificationEmail(result: "sent" | "failed"): void {
    this.emails.inc({ result });
  }
}

export function createConsoleMetrics(
  settings: Pick<MetricsSettings, "channelLabels" | "channelLabelLimit">,
  registry = new Registry(),
): ConsoleMetrics {
  return new ConsoleMetrics(registry, settings);
}

// One per process, on globalThis: Next bundles route handlers apart from scripts/serve.mjs (which
// loads this file through tsx), and both must count into the same registry.
const processWide = globalThis as typeof globalThis & { webhookConsoleMetrics?: ConsoleMetrics };

/** This process's metrics, with Node's own (memory, CPU, event loop) beside them. */
export function processMetrics(): ConsoleMetrics {
  if (!processWide.webhookConsoleMetrics) {
    const metrics = createConsoleMetrics(metricsSettingsFromEnv());
    collectDefaultMetrics({ register: metrics.registry });
    processWide.webhookConsoleMetrics = metrics;
  }
  return processWide.webhookConsoleMetrics;
}
