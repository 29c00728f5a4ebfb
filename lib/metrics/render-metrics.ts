import { AggregatorRegistry, type MetricObjectWithValues, type MetricValue } from "prom-client";

export type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

/**
 * One scrape's text from the parts of it: this process's metrics, its dispatcher process's (the
 * console's), the database's gauges. Counters and histograms of the same name add up.
 */
export async function renderMetrics(
  parts: readonly MetricsJson[],
): Promise<{ contentType: string; text: string }> {
  const registry = AggregatorRegistry.aggregate(parts.filter((part) => part.length > 0));
  return { contentType: registry.contentType, text: await registry.metrics() };
}
