// One OpenTelemetry span per webhook attempt, with a child span per phase the sender timed (DNS,
// connect, TLS, response) and LINE's classification, for operators who trace their platform
// (issue 26). Made after the attempt, from what it recorded: the sending path carries no span
// while it runs, and when tracing is off (no OTLP endpoint set) nothing is made at all.
import { context, type Span, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";

const TRACER = "webhook-console";

// Set by startTracing (start-tracing.ts), or by a test with its own tracer provider.
const processWide = globalThis as typeof globalThis & { webhookConsoleTracing?: boolean };

export function setAttemptTracing(on: boolean): void {
  processWide.webhookConsoleTracing = on;
}

export function attemptTracingOn(): boolean {
  return processWide.webhookConsoleTracing === true;
}

/** What a span is made of: the attempt as the dispatcher recorded it. */
export interface TracedAttempt {
  webhookId: string;
  channelId: string;
  url: string;
  attemptNumber: number;
  isRedelivery: boolean;
  attemptedAt: Date;
  latencyMs: number;
  success: boolean;
  statusCode: number;
  reason: string | null;
  detail: string | null;
  protocol: string | null;
  dnsMs: number | null;
  connectMs: number | null;
  tlsMs: number | null;
  responseMs: number | null;
}

const PHASES = [
  ["dns", "dnsMs"],
  ["connect", "connectMs"],
  ["tls", "tlsMs"],
  ["response", "responseMs"],
] as const;

/** Records the attempt's span and its phases' (a no-op while tracing is off). */
export function traceAttempt(attempt: TracedAttempt): void {
  if (!attemptTracingOn()) return;
  const tracer = trace.getTracer(TRACER);
  const start = attempt.attemptedAt.getTime();
  const target = safeTarget(attempt.url);
  const span = tracer.startSpan("webhook.attempt", {
    kind: SpanKind.CLIENT,
    startTime: start,
    attributes: {
      "http.request.method": "POST",
      "server.address": target.host,
      "server.port": target.port,
      "url.scheme": target.scheme,
      "webhook.id": attempt.webhookId,
      "webhook.channel_id": attempt.channelId,
      "webhook.attempt_number": attempt.attemptNumber,
      "webhook.is_redelivery": attempt.isRedelivery,
      ...(attempt.statusCode > 0 ? { "http.response.status_code": attempt.statusCode } : {}),
      ...(attempt.protocol ? { "network.protocol.name": attempt.protocol } : {}),
      ...(attempt.success
        ? {}
        : {
            "webhook.failure.reason": attempt.reason ?? "unclassified",
            "webhook.failure.detail": attempt.detail ?? "",
          }),
    },
  });
  if (!attempt.success) {
    span.setStatus({
      code: SpanStatusCode.ERROR,
      message: `${attempt.reason ?? "unclassified"}: ${attempt.detail ?? ""}`,
    });
  }
  tracePhases(span, attempt, start);
  span.end(start + attempt.latencyMs);
}

/** The phases, one after the other from the attempt's start, as long as each was timed. */
function tracePhases(parent: Span, attempt: TracedAttempt, start: number): void {
  const tracer = trace.getTracer(TRACER);
  // The phases are the attempt span's children.
  const parentContext = trace.setSpan(context.active(), parent);
  let at = start;
  for (const [name, field] of PHASES) {
    const ms = attempt[field];
    if (ms === null) continue;
    const phase = tracer.startSpan(`webhook.${name}`, { startTime: at }, parentContext);
    phase.end(at + ms);
    at += ms;
  }
}

/** Host, port and scheme only: a webhook URL's path or query may hold a bot's secret. */
function safeTarget(url: string): { host: string; port: number; scheme: string } {
  try {
    const parsed = new URL(url);
    const scheme = parsed.protocol.replace(":", "");
    const port = parsed.port ? Number(parsed.port) : scheme === "https" ? 443 : 80;
    return { host: parsed.hostname, port, scheme };
  } catch {
    return { host: "", port: 0, scheme: "" };
  }
}
