// OpenTelemetry tracing for a dispatcher process, when the standard OTLP environment variables
// name an endpoint (OTEL_EXPORTER_OTLP_ENDPOINT or OTEL_EXPORTER_OTLP_TRACES_ENDPOINT); the SDK
// reads the rest of its configuration from the environment too (OTEL_EXPORTER_OTLP_PROTOCOL,
// OTEL_EXPORTER_OTLP_HEADERS, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES…). Off otherwise.
import "server-only";
import type { Env } from "../settings/read-env";
import { setAttemptTracing } from "./attempt-span";

export function tracingConfigured(env: Env = process.env): boolean {
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return false;
  return Boolean(
    env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim() || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim(),
  );
}

/**
 * Starts the SDK when an endpoint is configured; returns what flushes and stops it (null when off).
 * No automatic instrumentation: the spans are the attempts' (attempt-span.ts). The SDK is loaded
 * only then: its modules (exporters for every protocol) would add to every worker's start.
 */
export async function startTracing(
  env: Env = process.env,
): Promise<{ stop(): Promise<void> } | null> {
  if (!tracingConfigured(env)) return null;
  const { NodeSDK } = await import("@opentelemetry/sdk-node");
  const sdk = new NodeSDK({
    serviceName: env.OTEL_SERVICE_NAME?.trim() || "webhook-console-dispatcher",
    instrumentations: [],
    // Traces only: the metrics are /metrics' (lib/metrics), logs go to the console.
    metricReaders: [],
    logRecordProcessors: [],
  });
  sdk.start();
  setAttemptTracing(true);
  return {
    async stop() {
      setAttemptTracing(false);
      await sdk.shutdown();
    },
  };
}
